/**
 * Issue 8, item 7: a fresh station (no steward anywhere) lets the first steward in with
 * the setup code from its console; the grid offers per-state actions and says for how long;
 * Back and Exit never overlap at either orientation.
 */
import { test, expect } from './fixtures';
import { layoutProblems } from './layout-check';
import { setupCodeOf } from './screen-walk';

const PIN = '97531';

async function press(page: import('@playwright/test').Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`keypad-${digit}`).click();
}

for (const viewport of [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('first steward: setup code from the console, PIN twice, then the grid with per-state actions and durations', async ({ page, station }) => {
      // A guest claims locker 7 and leaves its door open: a claimed locker with a door open.
      await page.getByTestId('no-card-button').click();
      await page.getByTestId('guest-button').click();
      await page.getByTestId('charge-button').click();
      await page.getByTestId('cable-lightning').click();
      await page.getByTestId('pickup-code-done').click();
      await page.getByTestId('done-button').click();

      await page.getByTestId('steward-button').click();
      // No PIN keypad that can only refuse: the setup code is asked for.
      await expect(page.getByTestId('screen-steward-setup')).toHaveAttribute('data-step', 'code');
      await expect(page.getByTestId('steward-pin-wrong')).toHaveCount(0);
      const code = setupCodeOf(station);
      const wrong = code === '00000000' ? '11111111' : '00000000';
      await press(page, wrong);
      await page.getByTestId('steward-setup-submit').click();
      await press(page, PIN);
      await page.getByTestId('steward-setup-submit').click();
      await press(page, PIN);
      await page.getByTestId('steward-setup-submit').click();
      await expect(page.getByTestId('steward-setup-wrong-code')).toBeVisible();
      await expect(page.getByTestId('screen-steward-setup')).toHaveAttribute('data-step', 'code');

      await press(page, code);
      await page.getByTestId('steward-setup-submit').click();
      await press(page, PIN);
      await page.getByTestId('steward-setup-submit').click();
      await press(page, '97532');
      await page.getByTestId('steward-setup-submit').click();
      await expect(page.getByTestId('steward-setup-mismatch')).toBeVisible();
      await press(page, PIN);
      await page.getByTestId('steward-setup-submit').click();
      await press(page, PIN);
      await page.getByTestId('steward-setup-submit').click();
      await expect(page.getByTestId('screen-steward-lockers')).toBeVisible();
      expect(station.process.output()).toContain('First steward set up on the kiosk');

      await expect(page.getByTestId('steward-door-open-7')).toHaveText(/^Door open 0 min$|^柜门已开 0 分钟$/);
      await page.getByTestId('steward-locker-7').click();
      await expect(page.getByTestId('steward-action-end-session')).toBeVisible();
      await expect(page.getByTestId('steward-action-mark-repaired')).toHaveCount(0);
      // Its door is open already: no "open the door".
      await expect(page.getByTestId('steward-action-remote-open')).toHaveCount(0);
      expect(await layoutProblems(page)).toEqual([]);

      await page.getByTestId('steward-locker-2').click();
      await expect(page.getByTestId('steward-action-remote-open')).toBeVisible();
      await expect(page.getByTestId('steward-action-mark-faulty')).toBeVisible();
      await expect(page.getByTestId('steward-action-end-session')).toHaveCount(0);
      await page.getByTestId('steward-action-mark-faulty').click();
      expect(await layoutProblems(page)).toEqual([]);
      await page.getByTestId('steward-reason-0').click();
      await expect(page.getByTestId('steward-action-done')).toBeVisible();
      await page.getByTestId('steward-back').click();
      await expect(page.getByTestId('steward-locker-2')).toHaveAttribute('data-state', 'faulty');
      await page.getByTestId('steward-locker-2').click();
      await expect(page.getByTestId('steward-action-mark-repaired')).toBeVisible();
      await expect(page.getByTestId('steward-action-mark-faulty')).toHaveCount(0);

      // The new PIN now signs in the ordinary way (PIN only: the first steward has no card).
      await page.getByTestId('steward-exit').click();
      await page.getByTestId('steward-button').click();
      await page.getByTestId('steward-pin-only').click();
      await expect(page.getByTestId('screen-steward-pin')).toBeVisible();
      await press(page, PIN);
      await page.getByTestId('steward-pin-submit').click();
      await expect(page.getByTestId('screen-steward-lockers')).toBeVisible();
    });
  });
}
