/**
 * Cold start: process spawn → first line → service ready → page loaded → attract screen
 * painted, in a fresh page. The station starts as `npm start` runs it: the supervisor
 * (out/station/supervise.cjs) running the prebuilt service bundle (out/station/start.cjs). The
 * checks `npm start` makes first, in the same process (scripts/start.mjs), are timed on their
 * own, as that process runs them (npm's own start-up is not ours). The same runs without the
 * supervisor give what it adds.
 */
import type { Browser } from '@playwright/test';
// @ts-expect-error -- plain JavaScript scripts, without type declarations
import { ensureBuilt as freshnessCheck } from '../../scripts/ensure-built.mjs';
// @ts-expect-error -- plain JavaScript scripts, without type declarations
import { checkSystemForStart } from '../../scripts/setup-system.mjs';
import { ensureBuilt, startStation } from '../support/station-process';
import { percentile, reportLine } from './stats';

const TARGET_MS = 1000;
/** What the supervisor may add to a cold start (issue 11). */
const SUPERVISOR_BUDGET_MS = 50;

export async function benchColdStart(browser: Browser, runs: number): Promise<string[]> {
  ensureBuilt();
  const system0 = performance.now();
  await (checkSystemForStart as () => Promise<void>)();
  const systemMs = performance.now() - system0;
  const check0 = performance.now();
  await (freshnessCheck as () => Promise<number>)();
  const checkMs = performance.now() - check0;

  const first: number[] = [];
  const ready: number[] = [];
  const loaded: number[] = [];
  const attract: number[] = [];
  const attractUnsupervised: number[] = [];
  // Alternating, so a machine's load drifting over the runs falls on both alike.
  for (let i = 0; i < runs * 2; i++) {
    const unsupervised = i % 2 === 1;
    // The page exists before the spawn: the browser's own tab start-up is not the station's.
    const page = await browser.newPage();
    const station = await startStation({ unsupervised });
    const t0 = station.timing.spawnedAt;
    try {
      await page.goto(station.screenUrl, { waitUntil: 'load' });
      const loadedMs = performance.now() - t0;
      const paintedEpoch = Number(await page.evaluate(ATTRACT_PAINTED));
      if (unsupervised) {
        attractUnsupervised.push(paintedEpoch - performance.timeOrigin - t0);
        continue;
      }
      loaded.push(loadedMs);
      attract.push(paintedEpoch - performance.timeOrigin - t0);
      first.push(station.timing.firstOutputAt - t0);
      ready.push(station.timing.readyAt - t0);
    } finally {
      await page.close();
      await station.stop();
    }
  }
  return [
    `Cold start (${runs} runs, median; node out/station/supervise.cjs --headless, browser host, fresh page)`,
    reportLine('  spawn → first line (process start)', percentile(first, 50), TARGET_MS, 'target'),
    reportLine('  spawn → service ready', percentile(ready, 50), TARGET_MS, 'target'),
    reportLine('  spawn → page loaded', percentile(loaded, 50), TARGET_MS, 'target'),
    reportLine('  spawn → attract screen painted', percentile(attract, 50), TARGET_MS, 'target'),
    reportLine('  (before spawn) npm start system package check', systemMs, TARGET_MS, 'target'),
    reportLine('  (before spawn) npm start freshness check', checkMs, TARGET_MS, 'target'),
    reportLine('  supervisor adds to spawn → attract (vs start.cjs alone)', percentile(attract, 50) - percentile(attractUnsupervised, 50), SUPERVISOR_BUDGET_MS, 'budget'),
  ];
}

/**
 * Runs in the page: resolves with the epoch ms just after the frame that first shows the
 * attract screen (rAF runs before the frame is produced; the next task runs after it).
 */
const ATTRACT_PAINTED = `new Promise((resolve) => {
  const painted = () => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
    channel.port2.postMessage(0);
  });
  if (document.querySelector('[data-testid="screen-attract"]')) return painted();
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="screen-attract"]')) return;
    observer.disconnect();
    painted();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
})`;
