/**
 * Night dimming in the browser host: with dim hours 22:00–06:00 the shade comes on at 22:00
 * (the page's clock is set with Playwright's clock; timers keep running), a card tap wakes it
 * at once and is still a check-in (the welcome screen shows), and a touch on the shaded
 * screen both wakes it and presses the button under the finger.
 */
import { test, expect } from './fixtures';

test.use({ stationSettings: { nightDimming: { from: '22:00', to: '06:00', level: 0.6, wakeSeconds: 30 } } });

test('dims at the set time, never black, and wakes on a card tap that still checks in', async ({ page, station }) => {
  const shade = page.getByTestId('night-dim');
  await page.clock.setFixedTime(new Date('2026-12-01T21:59:50'));
  await expect(page.getByTestId('screen-attract')).toBeVisible();
  await expect(shade).toHaveCount(0);

  await page.clock.setFixedTime(new Date('2026-12-01T22:00:05'));
  // The hours are looked at every 5 s.
  await expect(shade).toBeVisible({ timeout: 10_000 });
  // Never black: the shade's opacity is the set level; and it takes no touch.
  await expect(shade).toHaveCSS('opacity', '0.6');
  await expect(shade).toHaveCSS('pointer-events', 'none');
  await expect(shade).toHaveCSS('background-color', 'rgb(0, 0, 0)');

  await station.tap('0040856634');
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await expect(shade).toHaveCount(0);
});

test('a touch on the shaded screen wakes it and presses what is under the finger', async ({ page, station }) => {
  void station;
  await page.clock.setFixedTime(new Date('2026-12-01T23:00:00'));
  const shade = page.getByTestId('night-dim');
  await expect(shade).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('no-card-button').click();
  await expect(page.getByTestId('screen-no-card')).toBeVisible();
  await expect(shade).toHaveCount(0);
});
