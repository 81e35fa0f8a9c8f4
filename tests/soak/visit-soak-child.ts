/**
 * Child process of visit-soak.test.ts: a real station service on a real data dir taking
 * `visits` card taps (a pool of 2,000 workers, so repeats and duplicate-window hits happen as
 * in a real week) as fast as it can, then printing one JSON line: RSS and open descriptors
 * after a warm-up and at the end, each after a full GC. Run with --expose-gc.
 */
import { readdirSync } from 'node:fs';
import { createStationService } from '../../electron/service/station-service';

const WORKERS = 2_000;
const FIRST_CARD = 1_000_000_000;

function gcNow(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc --import tsx: without a full GC the samples measure garbage');
  gc();
}

function sample(): { rss: number; fds: number } {
  gcNow();
  return { rss: process.memoryUsage().rss, fds: readdirSync('/proc/self/fd').length };
}

async function main(): Promise<void> {
  const [dataDir, visitsText] = process.argv.slice(2);
  if (!dataDir || !visitsText) throw new Error('usage: visit-soak-child.ts <dataDir> <visits>');
  const visits = Number(visitsText);
  // Warm-up: every worker of the pool seen once and SQLite's page cache (2 MiB) filled, which
  // takes about 3,000 taps; measured after that, RSS stays flat (+0.3 MB over 9,000 more).
  const warmup = Math.floor(Math.min(visits / 2, Math.max(visits / 10, 3_000)));
  const service = await createStationService({ dataDir, wedgeLimit: null, onWarning: () => undefined });
  let after: { rss: number; fds: number } | null = null;
  const started = performance.now();
  for (let i = 0; i < visits; i += 1) {
    if (i === warmup) after = sample();
    // A station has idle seconds between taps, in which V8 collects fully; this loop never
    // idles, so it collects as often, else the heap's high-water mark shows up as RSS growth.
    else if (i % 500 === 0) gcNow();
    const result = await service.api.submitWedgeRead({ text: String(FIRST_CARD + ((i * 7919) % WORKERS)) });
    if (!result.ok) throw new Error(`tap ${i}: ${result.code}`);
  }
  const end = sample();
  const elapsedMs = performance.now() - started;
  await service.close();
  process.stdout.write(`${JSON.stringify({ visits, warmup: after, end, elapsedMs })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`visit-soak-child: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
