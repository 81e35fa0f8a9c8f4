/**
 * The pinyin engine, fetched (its own chunk, with the word list) the first time a composer
 * mounts; null until then. A failed fetch leaves it null: English and handwriting still work.
 */
import { useEffect, useState } from 'react';
import type { PinyinEngine } from './pinyin/engine';

function loadEngine(): Promise<PinyinEngine> {
  return import('./pinyin/load-engine').then((m) => m.pinyinEngine());
}

/**
 * Fetches and parses the word list ahead of need (in a worker, a fraction of a second on a
 * quiet kiosk): for the wall to call after it opens, so the first letter typed finds the
 * engine ready. Failures are left to the composer's own load.
 */
export function preloadPinyinEngine(): void {
  loadEngine().catch(() => undefined);
}

export function usePinyinEngine(): PinyinEngine | null {
  const [engine, setEngine] = useState<PinyinEngine | null>(null);
  useEffect(() => {
    let live = true;
    loadEngine()
      .then((loaded) => {
        if (live) setEngine(loaded);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return engine;
}
