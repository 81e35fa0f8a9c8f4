/**
 * The fleet dashboard in Chromium against a real collector (PGlite in memory, real HTTP on
 * 127.0.0.1) and a real station service sending to it: cards tapped at the station, the
 * station's hour closes on its hand-driven clock and the outbox drains; signed in with a
 * dashboard token, the page shows that station's visits; a note with markup in it shows as
 * text and runs nothing; a reply typed in the reply box is stored for the station.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { createDashboardAuth } from '../../upstream/dashboard/auth';
import type { SqlDatabase } from '../../upstream/db/sql';
import { openTestDatabase, startCollector, type RunningCollector } from '../../upstream/testing';

const REPO = resolve(import.meta.dirname, '..', '..');
const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">请加装热水器';

// A browser set to Chinese: the dashboard follows its Accept-Language.
test.use({ locale: 'zh-CN' });

let dir: string;
let db: SqlDatabase;
let collector: RunningCollector;
let token: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'fleet-dashboard-e2e-'));
  db = await openTestDatabase();
  collector = await startCollector(db, { dashboard: { db } });
  const key = await collector.store.addStation('chaoyang-001');
  token = await createDashboardAuth(db).createToken('区工会 李明');
  writeFileSync(join(dir, 'collector.key'), `${key.toString('base64url')}\n`, { mode: 0o600 });
  writeFileSync(join(dir, 'station.json'), JSON.stringify({ stationId: 'chaoyang-001', upstream: { collectorUrl: collector.url, keyFile: 'collector.key' } }));
  // The station runs in its own process (tsx loads the service); it exits once its outbox is drained.
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/support/station-day-child.ts', dir, HOSTILE], {
    cwd: REPO, timeout: 180_000,
  });
  const synced = JSON.parse(/^SYNCED (.*)$/m.exec(stdout)![1]!) as { state: string; queueLength: number; lastSuccessAtMs: number | null };
  // (Its first batch, signed on the clock two hours behind, was refused as stale and resent on the collector's clock.)
  expect(synced).toMatchObject({ state: 'idle', queueLength: 0, lastSuccessAtMs: expect.any(Number) });
});

test.afterAll(async () => {
  await collector?.close();
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the dashboard shows the station\'s visits after a sync, its hostile note as text, and stores a reply typed in its reply box', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${collector.url}/dashboard`);
  await expect(page).toHaveURL(/\/dashboard\/sign-in\?lang=zh-CN$/);
  await page.getByLabel('访问令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '驿站联网总览', exact: true })).toBeVisible();

  // Two members and a guest in the station's first hour.
  const row = page.locator('tr[data-station="chaoyang-001"]');
  await expect(row.locator('td.visits')).toHaveText('3 (会员 2, 访客 1)');
  await expect(row.locator('td').nth(2)).toHaveText('正常');

  const wish = page.locator('article.wish');
  await expect(wish).toHaveCount(1);
  await expect(wish.locator('.wish-text')).toHaveText(HOSTILE);
  expect(await page.evaluate<unknown>('window.__pwned')).toBeUndefined();
  expect(await page.locator('#wishes script, #wishes img').count()).toBe(0);

  await wish.getByRole('textbox').fill('下周就装，谢谢提议！');
  await wish.getByRole('button', { name: '发送回复' }).click();
  await expect(page.getByRole('status')).toHaveText('回复已保存，将发往驿站。');
  await expect(page.locator('article.wish')).toHaveCount(0);
  const uid = /^[0-9a-f]{32}$/;
  const replies = await db.query<{ station_id: string; wish_id: string; text: string; author: string }>(
    'SELECT station_id, wish_id, text, author FROM dashboard_wish_replies',
  );
  expect(replies).toEqual([{ station_id: 'chaoyang-001', wish_id: expect.stringMatching(uid), text: '下周就装，谢谢提议！', author: '区工会 李明' }]);

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Rest stations: fleet overview', exact: true })).toBeVisible();
  await expect(row.locator('td.visits')).toHaveText('3 (Members 2, Guests 1)');
});
