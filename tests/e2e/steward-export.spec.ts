/**
 * Export in Chromium against the real station: no native field in the section; with no USB
 * stick mounted the station says so, and a folder typed on the on-screen path keys (it has
 * `/`, `-`, `_` and `.`) receives the CSV files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ONE_STEWARD, signInSteward } from './steward-sign-in';

test.use({ stationFiles: ONE_STEWARD });

async function typePath(page: Page, text: string): Promise<void> {
  const keys = page.locator('.touch-keyboard');
  for (const ch of text) {
    if (/[A-Z]/.test(ch)) await keys.locator('[data-skbtn="{shift}"]').click();
    await keys.locator(`[data-skbtn="${ch}"]`).click();
  }
}

test('Export: every choice a button, the folder typed on the path keys, the files written there', async ({ page, station }) => {
  const folder = mkdtempSync(join(tmpdir(), 'usb_stick.e2e-'));
  try {
    await signInSteward(page, station);
    await page.getByTestId('console-tab-export').click();
    const section = page.getByTestId('console-export');
    await expect(page.getByTestId('export-folder')).toBeVisible();
    await expect(section.locator('input, textarea, select, [contenteditable="true"]')).toHaveCount(0);
    await page.getByTestId('export-type-path').click();
    await expect(page.getByTestId('touch-keyboard')).toHaveAttribute('data-layout', 'path');
    // A stick this machine happens to have mounted is chosen already: clear it on the keys.
    const chosen = (await page.getByTestId('export-folder-value').textContent()) ?? '';
    for (let i = 0; i < [...chosen].length; i++) await page.locator('.touch-keyboard [data-skbtn="{bksp}"]').click();
    await expect(page.getByTestId('export-folder-value')).toHaveText('');
    await expect(page.getByTestId('export-send')).toBeDisabled();
    await typePath(page, folder);
    await expect(page.getByTestId('export-folder-value')).toHaveText(folder);
    await page.getByTestId('export-path-done').click();
    await page.getByTestId('export-period-today').click();
    await expect(page.getByTestId('export-period-today')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('export-table-visits').click();
    await expect(page.getByTestId('export-table-visits')).toHaveAttribute('aria-pressed', 'false');
    await page.getByTestId('export-send').click();
    await expect(page.getByTestId('export-files')).toBeVisible();
    const files = readdirSync(folder).sort();
    expect(files.some((f) => f.includes('-visits-'))).toBe(false);
    expect(files.some((f) => f.includes('-inspections-'))).toBe(true);
    // UTF-8 with BOM, so spreadsheet programs read Chinese right.
    expect(readFileSync(join(folder, files[0]!)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
