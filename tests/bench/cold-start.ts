/** Cold start: process spawn → station ready → attract screen painted in a fresh page. */
import type { Browser } from '@playwright/test';
import { startStation } from '../support/station-process';
import { percentile, reportLine } from './stats';

const TARGET_MS = 3000;

export async function benchColdStart(browser: Browser, runs: number): Promise<string[]> {
  const ready: number[] = [];
  const attract: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const station = await startStation();
    const t1 = performance.now();
    const page = await browser.newPage();
    try {
      await page.goto(station.screenUrl);
      await page.getByTestId('screen-attract').waitFor();
      attract.push(performance.now() - t0);
      ready.push(t1 - t0);
    } finally {
      await page.close();
      await station.stop();
    }
  }
  return [
    `Cold start (${runs} runs, median; process spawn includes loading TypeScript with tsx)`,
    reportLine('  spawn → service ready', percentile(ready, 50), TARGET_MS, 'target'),
    reportLine('  spawn → attract screen painted', percentile(attract, 50), TARGET_MS, 'target'),
  ];
}
