/**
 * The console's Devices section in Chromium against a real station sending to a real
 * collector (PGlite in memory, real HTTP on 127.0.0.1): what the station pulled down is said
 * per kind in plain words (the district's notices in use, a word list it never set), and the
 * date the device counts run from is the same after the station is restarted on its data folder.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { SqlDatabase } from '../../upstream/db/sql';
import { setPullDocument } from '../../upstream/pull-store';
import { openTestDatabase, startCollector, type RunningCollector } from '../../upstream/testing';
import { main as sim } from '../../scripts/sim';
import { startStation, type StationProcess } from '../support/station-process';
import { expect, test } from './fixtures';
import { ONE_STEWARD, STEWARD_CARD, STEWARD_PIN } from './steward-sign-in';

let db: SqlDatabase;
let collector: RunningCollector;

test.beforeAll(async () => {
  db = await openTestDatabase();
  collector = await startCollector(db);
});
test.afterAll(async () => {
  await collector?.close();
  await db?.close();
});

async function openDevices(page: Page, station: StationProcess): Promise<void> {
  await page.goto(station.screenUrl);
  await page.getByTestId('steward-button').click();
  await expect(page.getByTestId('screen-steward-tap')).toBeVisible();
  const silent = { log: () => undefined, error: () => undefined };
  expect(await sim(['tap', STEWARD_CARD], { ...process.env, STATION_DATA_DIR: station.dataDir }, silent)).toBe(0);
  await expect(page.getByTestId('screen-steward-pin')).toContainText('王芳');
  for (const digit of STEWARD_PIN) await page.getByTestId(`keypad-${digit}`).click();
  await page.getByTestId('steward-pin-submit').click();
  await page.getByTestId('console-tab-devices').click();
  await expect(page.getByTestId('console-devices')).toBeVisible();
}

test('Devices: pulled configuration per kind in plain words; counts since the first start, across a restart', async ({ page }) => {
  test.setTimeout(180_000);
  const key = await collector.store.addStation('devices-001');
  await setPullDocument(db, 'notices', {
    notices: [{ id: 'legal-aid', fields: { kind: 'notice', title: { 'zh-CN': '法律援助 12351', en: 'Legal aid 12351' }, body: { 'zh-CN': '', en: '' }, startMinute: 0, endMinute: 1440, days: 127, active: true } }],
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'steward-devices-e2e-'));
  writeFileSync(join(dataDir, 'collector.key'), `${key.toString('base64url')}\n`, { mode: 0o600 });
  writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ stationId: 'devices-001', upstream: { collectorUrl: collector.url, keyFile: 'collector.key' } }));
  for (const [name, content] of Object.entries(ONE_STEWARD)) writeFileSync(join(dataDir, name), JSON.stringify(content));

  let station = await startStation({ dataDir });
  let since: string;
  try {
    await openDevices(page, station);
    const today = new Date().toLocaleDateString('zh-CN');
    await expect(page.getByTestId('devices-counted-since')).toContainText(`故障与重连次数自 ${today}`);
    since = (await page.getByTestId('devices-counted-since').textContent()) ?? '';
    // The section refreshes itself: the first pull lands within a few refreshes.
    await expect(page.getByTestId('pull-in-force-notices')).toContainText(/^自 \d\d:\d\d（.+） 起$/, { timeout: 30_000 });
    await expect(page.getByTestId('pull-problem-notices')).toHaveText('无');
    await expect(page.getByTestId('pull-next-notices')).toContainText(/^\d\d:\d\d（.+后）$/);
    // The district set no word list: nothing in use, the shipped list stays.
    await expect(page.getByTestId('pull-in-force-words')).toHaveText('尚未收到');
    await expect(page.getByTestId('console-pulls')).not.toContainText('"');
  } finally {
    await station.stop({ keepData: true });
  }

  station = await startStation({ dataDir });
  try {
    await openDevices(page, station);
    await expect(page.getByTestId('devices-counted-since')).toHaveText(since);
  } finally {
    await station.stop();
  }
});
