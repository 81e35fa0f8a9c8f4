/**
 * A station with a card reader and no lockers still has its steward console, and a steward
 * whose card is read by a keyboard-wedge reader signs in with it.
 */
import { ONE_STEWARD, STEWARD_CARD, STEWARD_PIN } from './steward-sign-in';
import { expect, test } from './fixtures';

test.use({
  stationFiles: {
    ...ONE_STEWARD,
    // Only a reader: no locker wall, so no simulated one either.
    'devices.json': { readers: [{ id: 'door', name: 'Door reader', type: 'serial-em4100', path: '/dev/serial/by-id/not-plugged-in' }] },
  },
});

test('no lockers: the Steward button is there, and a wedge-read steward card signs in', async ({ page, station }) => {
  void station;
  await expect(page.getByTestId('collect-button')).toHaveCount(0);
  // As in check-in.spec: on a loaded machine a burst may stall past the reader gap, and its
  // tail is then read as a short card (a check-in that leaves the console); start again.
  await expect(async () => {
    if (!(await page.getByTestId('screen-steward-tap').isVisible())) {
      await page.goto(station.process.screenUrl);
      await page.getByTestId('steward-button').click();
      await expect(page.getByTestId('screen-steward-tap')).toBeVisible();
    }
    await page.keyboard.type(STEWARD_CARD);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('screen-steward-pin')).toContainText('王芳', { timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  for (const digit of STEWARD_PIN) await page.getByTestId(`keypad-${digit}`).click();
  await page.getByTestId('steward-pin-submit').click();
  await expect(page.getByTestId('screen-console')).toBeVisible();
  // No locker wall, no Lockers tab: the console opens on Usage, and no tab leads to lockers.
  await expect(page.getByTestId('console-section-usage')).toBeVisible();
  await expect(page.getByTestId('console-tab-usage')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('console-tab-lockers')).toHaveCount(0);
  await expect(page.getByTestId('screen-steward-lockers')).toHaveCount(0);
});
