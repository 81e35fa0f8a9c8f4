/**
 * `npm run bench`: prints each figure beside its physical floor or target as a ratio.
 * Not a test: nothing here passes or fails. Options: --taps N (default 500, quiet and again
 * loaded), --runs N (cold starts, 5), --opens N (locker opens per protocol, 200),
 * --pinyin-rounds N (passes over the typed phrases, 20), --strokes N (handwriting requests, 100),
 * --wall-runs N (wish wall first-page queries, 200; paints, at most 30),
 * --years N (simulated years of visits under retention, 3), --console-runs N (console opens, 5),
 * --collector-requests N, --collector-batches N (the collector on PostgreSQL, 6 000 and 60;
 * skipped with a line saying so when PostgreSQL is not installed).
 * The steward dashboard lines build a year of history first (about a minute).
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../support/chromium';
import { benchBundleSize } from './bundle-size';
import { benchColdStart } from './cold-start';
import { benchCollectorPostgres } from './collector-postgres';
import { benchConsoleChart } from './console-chart';
import { benchDashboardQueries } from './dashboard-queries';
import { benchLockers } from './locker-open';
import { benchRetentionSize } from './retention-size';
import { benchTapToPaint } from './tap-to-paint';
import { benchWishWall } from './wish-wall';
import { benchComposerChunks, benchHandwriting, benchPinyin } from './wish-input';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
try {
  const sections = [
    benchBundleSize(resolve(import.meta.dirname, '..', '..', 'dist', 'renderer')),
    await benchColdStart(browser, option('runs', 5)),
    await benchTapToPaint(browser, option('taps', 500)),
    await benchLockers(option('opens', 200)),
    await benchWishWall(browser, option('wall-runs', 200)),
    benchPinyin(option('pinyin-rounds', 20)),
    await benchHandwriting(option('strokes', 100)),
    benchComposerChunks(),
    await benchDashboardQueries(),
    await benchConsoleChart(browser, option('console-runs', 5)),
    benchRetentionSize(option('years', 3)),
    await benchCollectorPostgres({ requests: option('collector-requests', 6_000), batches: option('collector-batches', 60) }),
  ];
  console.log(sections.map((lines) => lines.join('\n')).join('\n\n'));
} finally {
  await browser.close();
}
