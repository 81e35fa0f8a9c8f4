/**
 * The pinyin engine, loaded once on first use: the word list is parsed in a worker
 * (dictionary-worker.ts) and arrives packed, so the page's thread never spends a frame on it.
 * Only ever imported dynamically, with the composer.
 */
import { PinyinEngine } from './engine';
import { unpackDictionary, type PackedDictionary } from './packed-dictionary';

let engine: Promise<PinyinEngine> | null = null;

function parseInWorker(): Promise<PinyinEngine> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./dictionary-worker.ts', import.meta.url), { type: 'module', name: 'pinyin-dictionary' });
    worker.onmessage = (event: MessageEvent<PackedDictionary>) => {
      worker.terminate();
      resolve(new PinyinEngine(unpackDictionary(event.data)));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`pinyin dictionary worker failed: ${event.message}`));
    };
  });
}

/**
 * The shared engine; the worker runs on the first call only. A failure is forgotten, so the
 * next composer to open tries again.
 */
export function pinyinEngine(): Promise<PinyinEngine> {
  engine ??= parseInWorker().catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}
