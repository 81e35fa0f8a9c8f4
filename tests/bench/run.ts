/**
 * `npm run bench`: prints each figure beside its physical floor or target as a ratio.
 * Not a test: nothing here passes or fails. Options: --taps N (default 500, quiet and again
 * loaded), --tap-bytes (the tap's frame written a byte at a time, see paced-writer.ts), --runs N (cold starts, 5), --opens N (locker opens per protocol, 200),
 * --pinyin-rounds N (passes over the typed phrases, 20), --strokes N (handwriting requests, 100),
 * --wall-runs N (wish wall first-page queries, 200; paints, at most 30),
 * --years N (simulated years of visits under retention, 3), --console-runs N (console opens, 5),
 * --collector-requests N, --collector-batches N (the collector on PostgreSQL, 6 000 and 60;
 * skipped with a line saying so when PostgreSQL is not installed).
 * --soak-hours N (hours of the accelerated week soak, 168; visits and sessions scale with it).
 * The steward dashboard lines build a year of history first (about a minute).
 * --only NAMES runs just those sections, comma-separated: size, cold-start, tap, lockers,
 * wall, pinyin, handwriting, composer, dashboard, console, retention, collector, soak; and
 * tap-trace (a Chromium trace of the quiet taps, by event: only when named).
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
import { benchTapTrace } from './tap-trace';
import { benchWeekSoak } from './week-soak';
import { benchWishWall } from './wish-wall';
import { benchComposerChunks, benchHandwriting, benchPinyin } from './wish-input';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A week is 168 hours, 10,000 visits and 2,000 locker sessions; fewer hours scale both down. */
function soakPlan(hours: number): { visits: number; sessions: number; hours: number } {
  return { visits: Math.round((10_000 * hours) / 168), sessions: Math.round((2_000 * hours) / 168), hours };
}

/** `--only a,b`: just those sections, by the names listed below. */
function optionList(name: string): string[] | null {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? '').split(',') : null;
}

const only = optionList('only');
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
try {
  // Each section prints as soon as it is measured: a long run shows its figures as it goes.
  const sections: [name: string, measure: () => string[] | Promise<string[]>][] = [
    ['size', () => benchBundleSize(resolve(import.meta.dirname, '..', '..', 'dist', 'renderer'))],
    ['cold-start', () => benchColdStart(browser, option('runs', 5))],
    ['tap', () => benchTapToPaint(browser, option('taps', 500), process.argv.includes('--tap-bytes') ? 'bytes' : 'frame')],
    ['tap-trace', () => (only?.includes('tap-trace') ? benchTapTrace(browser, option('taps', 500)) : [])],
    ['lockers', () => benchLockers(option('opens', 200))],
    ['wall', () => benchWishWall(browser, option('wall-runs', 200))],
    ['pinyin', () => benchPinyin(option('pinyin-rounds', 20))],
    ['handwriting', () => benchHandwriting(option('strokes', 100))],
    ['composer', () => benchComposerChunks()],
    ['dashboard', () => benchDashboardQueries()],
    ['console', () => benchConsoleChart(browser, option('console-runs', 5))],
    ['retention', () => benchRetentionSize(option('years', 3))],
    ['collector', () => benchCollectorPostgres({ requests: option('collector-requests', 6_000), batches: option('collector-batches', 60) })],
    ['soak', () => benchWeekSoak(soakPlan(option('soak-hours', 168)))],
  ];
  for (const [name, measure] of sections) {
    if (only !== null && !only.includes(name)) continue;
    const lines = await measure();
    if (lines.length) console.log(`${lines.join('\n')}\n`);
  }
} finally {
  await browser.close();
}
