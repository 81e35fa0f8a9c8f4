/**
 * Steward console open → first usage chart painted, against a station holding one year of
 * generated history (≈450,000 visits). Each run is a fresh browser context (cold HTTP cache,
 * so the console's and the usage section's chunks, uPlot with them, load as on the kiosk):
 * the steward signs in with card and PIN, and the clock runs from the tap on the Usage tab to
 * just after the frame that first shows the chart with its data. The machine's load average
 * is printed with it, since the figure is wall time on a shared machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { main as sim } from '../../scripts/sim';
import { hashStewardPin } from '../../electron/service/steward/pin-hash';
import { openStationDatabase } from '../../electron/service/storage/database';
import { generateUsageData } from '../../electron/service/testing/usage-data';
import { ensureBuilt, startStation } from '../support/station-process';
import { percentile, reportLine } from './stats';

const TARGET_MS = 300;
const DAY = 86_400_000;
const STEWARD_CARD = '0011223344';
const PIN = '2468';

export async function benchConsoleChart(browser: Browser, runs: number): Promise<string[]> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-console-'));
  try {
    const db = openStationDatabase({ dataDir });
    const now = Date.now();
    generateUsageData(db, { fromMs: now - 365 * DAY, toMs: now, visits: 450_000, cards: 6_000, lockerSessions: 50_000, joinTaps: 3_000, stockRecords: 5_000, seed: 11 });
    db.close();
    writeFileSync(join(dataDir, 'station.json'), '{}');
    writeFileSync(join(dataDir, 'stewards.json'), JSON.stringify({ stewards: [{ name: '王芳', role: 'host', card: STEWARD_CARD, pinHash: hashStewardPin(PIN) }] }));
    const station = await startStation({ dataDir });
    const times: number[] = [];
    const load = loadavg();
    try {
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        try {
          await page.goto(station.screenUrl, { waitUntil: 'load' });
          await signIn(page, dataDir);
          times.push(Number(await page.evaluate(TAB_TO_CHART)));
        } finally {
          await context.close();
        }
      }
    } finally {
      await station.stop();
    }
    const after = loadavg();
    return [
      `Steward console (${runs} runs, fresh context each; 1 year: 450k visits), load average ${load.map((l) => l.toFixed(2)).join(' ')} → ${after.map((l) => l.toFixed(2)).join(' ')}`,
      reportLine('  Usage tab tap → first chart painted, median', percentile(times, 50), TARGET_MS, 'target'),
      reportLine('  Usage tab tap → first chart painted, worst', Math.max(...times), TARGET_MS, 'target'),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function signIn(page: Page, dataDir: string): Promise<void> {
  await page.getByTestId('steward-button').click();
  await page.getByTestId('screen-steward-tap').waitFor();
  const code = await sim(['tap', STEWARD_CARD], { ...process.env, STATION_DATA_DIR: dataDir }, { log: () => undefined, error: () => undefined });
  if (code !== 0) throw new Error(`sim tap exited ${code}`);
  await page.getByTestId('screen-steward-pin').waitFor();
  for (const digit of PIN) await page.getByTestId(`keypad-${digit}`).click();
  await page.getByTestId('steward-pin-submit').click();
  await page.getByTestId('screen-console').waitFor();
}

/**
 * Runs in the page: taps the Usage tab and resolves with the ms from the tap to just after
 * the frame that first shows the chart's canvas (rAF runs before the frame is produced; the
 * next task runs after it). The chart draws in the effect that creates its canvas.
 */
const TAB_TO_CHART = `new Promise((resolve, reject) => {
  const tab = document.querySelector('[data-testid="console-tab-usage"]');
  if (!tab) return reject(new Error('no Usage tab'));
  const chart = () => document.querySelector('[data-testid="usage-chart"] canvas');
  let t0 = 0;
  const painted = () => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now() - t0);
    channel.port2.postMessage(0);
  });
  const observer = new MutationObserver(() => {
    if (!chart()) return;
    observer.disconnect();
    painted();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  t0 = performance.now();
  tab.click();
})`;
