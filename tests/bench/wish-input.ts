/**
 * Wish-wall input: the pinyin lookup for every keystroke of typical phrases (target one
 * display frame), handwriting strokes → candidates through the real zinnia helper (target
 * 200 ms), and the size of the chunks the composer brings (built from the composer test page,
 * where the composer is loaded lazily as the wall will load it).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseDictionary } from '../../renderer/wishes/input/pinyin/dictionary';
import { PinyinEngine } from '../../renderer/wishes/input/pinyin/engine';
import { packDictionary, transferablesOf, unpackDictionary } from '../../renderer/wishes/input/pinyin/packed-dictionary';
import { createHandwritingService } from '../../electron/service/wishes/handwriting/handwriting-service';
import { DISPLAY_FRAME_MS, formatMs, reportLine, spread } from './stats';

const REPO = resolve(import.meta.dirname, '..', '..');
const HANDWRITING_TARGET_MS = 200;
/** What workers type, letter by letter (each prefix is one keystroke's lookup). */
const PHRASES = [
  'xiexie', 'nihao', 'woxiangyao', 'xiwangzengjiareshui', 'kongtiaotailengle', 'xx', 'nh', 'zhongguo',
  'xiatianyaofangshaixiutao', 'gonghuixinkule', 'waimaiqishou', 'chongdianbao', 'wo xiang yao', 'shoujimeidianle',
];

export function benchPinyin(rounds: number): string[] {
  const text = readFileSync(join(REPO, 'resources', 'pinyin', 'dictionary.txt'), 'utf8');
  // In the worker: parse and pack. On the page: unpack (each group is decoded on its first
  // lookup, which the keystroke figures below include).
  const parseStart = performance.now();
  const packed = packDictionary(parseDictionary(text));
  const parseMs = performance.now() - parseStart;
  const unpackStart = performance.now();
  const dictionary = unpackDictionary(structuredClone(packed, { transfer: transferablesOf(packed) }));
  const unpackMs = performance.now() - unpackStart;
  const engine = new PinyinEngine(dictionary);
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const phrase of PHRASES) {
      for (let end = 1; end <= phrase.length; end += 1) {
        const start = performance.now();
        engine.candidates(phrase.slice(0, end));
        times.push(performance.now() - start);
      }
    }
  }
  const s = spread(times);
  return [
    `Pinyin candidates (${dictionary.size} words; ${s.n} keystroke lookups)`,
    `  dictionary parse + pack, once per page, in the worker: ${formatMs(parseMs)}`,
    reportLine('  page thread: receive and unpack it', unpackMs, DISPLAY_FRAME_MS, 'frame'),
    reportLine('  keystroke → candidates p50', s.p50, DISPLAY_FRAME_MS, 'frame'),
    reportLine('  keystroke → candidates p95', s.p95, DISPLAY_FRAME_MS, 'frame'),
  ];
}

/** A stroke from (x0, y0) to (x1, y1) in `n` points. */
function line(x0: number, y0: number, x1: number, y1: number, n = 12): [number, number][] {
  return Array.from({ length: n }, (_, i) => [x0 + ((x1 - x0) * i) / (n - 1), y0 + ((y1 - y0) * i) / (n - 1)]);
}

export async function benchHandwriting(requests: number): Promise<string[]> {
  const service = createHandwritingService();
  try {
    const availability = await service.api.getHandwritingAvailability();
    if (!availability.ok || !availability.value.available) return ['Handwriting: recogniser not installed here (npm run setup)'];
    // 一, 十, and 口 drawn as 3 strokes, over a 360 px pad like the composer's.
    const shapes = [
      [line(50, 180, 310, 180)],
      [line(50, 180, 310, 180), line(180, 40, 180, 320)],
      [line(80, 80, 80, 280), [...line(80, 80, 280, 80, 8), ...line(280, 80, 280, 280, 8)], line(80, 280, 280, 280)],
    ];
    // The helper's first answer maps the model; stations pay it once at the first character.
    const coldStart = performance.now();
    await service.api.recogniseHandwriting({ strokes: shapes[0], width: 360, height: 360 });
    const coldMs = performance.now() - coldStart;
    const times: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const start = performance.now();
      const result = await service.api.recogniseHandwriting({ strokes: shapes[i % shapes.length], width: 360, height: 360 });
      times.push(performance.now() - start);
      if (!result.ok) return [`Handwriting: request failed: ${result.message}`];
    }
    const s = spread(times);
    return [
      `Handwriting, zinnia helper (${s.n} requests)`,
      `  first request, right after the composer asked for availability (which starts the helper): ${formatMs(coldMs)}`,
      reportLine('  strokes → candidates p50', s.p50, HANDWRITING_TARGET_MS, 'target'),
      reportLine('  strokes → candidates p95', s.p95, HANDWRITING_TARGET_MS, 'target'),
    ];
  } finally {
    service.close();
  }
}

export function benchComposerChunks(): string[] {
  const build = spawnSync(process.execPath, [join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'tests/composer-page/vite.config.ts'], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) return [`Composer chunks: build failed: ${build.stderr}`];
  const assets = join(REPO, 'dist', 'composer-test', 'assets');
  const size = (prefix: string): string => {
    const file = readdirSync(assets).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (!file) return 'not found';
    const bytes = readFileSync(join(assets, file));
    return `${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzip`;
  };
  return [
    'Composer chunks (loaded only when the composer opens)',
    `  composer + react-simple-keyboard: ${size('TextComposer-')}`,
    `  pinyin engine:                    ${size('load-engine-')}`,
    `  word list worker (its own thread): ${size('dictionary-worker-')}`,
  ];
}
