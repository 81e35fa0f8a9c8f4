import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a tap while another writer holds the database for 6 s ends on "not saved, tap again"; the next tap is welcomed', async ({ page, station }) => {
  const db = new Database(join(station.process.dataDir, 'station.db'));
  const heldAt = Date.now();
  db.exec('BEGIN IMMEDIATE');
  try {
    await station.tap('0040856634');
    const screen = page.getByTestId('screen-card-error');
    await expect(screen).toBeVisible({ timeout: 8000 });
    await expect(screen).toContainText('这次签到没有保存成功');
    await expect(screen).toContainText('请把卡再贴一次');
    // The screen goes back by itself; by then the lock has been held well over 6 s.
    await expect(page.getByTestId('screen-attract')).toBeVisible({ timeout: 8000 });
    expect(Date.now() - heldAt).toBeGreaterThan(6000);
  } finally {
    db.exec('COMMIT');
    db.close();
  }
  await station.tap('0040856634');
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await expect(page.getByTestId('visit-number')).toHaveText('1');
});
