import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const PIN = '2468';

async function stewardSignIn(page: Page, pin: string): Promise<void> {
  await page.getByTestId('steward-button').click();
  await expect(page.getByTestId('screen-steward-pin')).toBeVisible();
  for (const digit of pin) await page.getByTestId(`keypad-${digit}`).click();
  await page.getByTestId('steward-pin-submit').click();
}

async function claimAndShut(page: Page, station: { tap(card: string): Promise<string>; locker(action: 'close', n: number): Promise<string> }, card: string): Promise<void> {
  await station.tap(card);
  await page.getByTestId('category-skip').click();
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-usb-c').click();
  await expect(page.getByTestId('locker-number')).toHaveText('1');
  await station.locker('close', 1);
  await expect(page.getByTestId('screen-locker-charging')).toBeVisible();
  await page.getByTestId('done-button').first().click();
  await expect(page.getByTestId('screen-attract')).toBeVisible();
}

test.describe('steward locker panel', () => {
  test.use({ stationSettings: { stewardPin: PIN, lockerMaxMinutes: 1 } });

  test('a wrong PIN is refused; a steward opens a locker remotely with a reason', async ({ page, station }) => {
    await claimAndShut(page, station, '0040856634');
    expect(await station.locker('status', 1)).toBe('Locker 1: door shut, empty');

    await stewardSignIn(page, '1111');
    await expect(page.getByTestId('steward-pin-wrong')).toBeVisible();
    await page.getByTestId('steward-exit').click();
    await stewardSignIn(page, PIN);
    await expect(page.getByTestId('screen-steward-lockers')).toBeVisible();
    await expect(page.getByTestId('steward-locker-1')).toBeVisible();
    await expect(page.getByTestId('steward-locker-12')).toBeVisible();

    await page.getByTestId('steward-locker-1').click();
    await page.getByTestId('steward-action-remote-open').click();
    await page.getByTestId('steward-reason-0').click();
    await expect(page.getByTestId('steward-action-done')).toBeVisible();
    // The simulated lock was really pulsed over the bus.
    expect(await station.locker('status', 1)).toBe('Locker 1: door open, empty');
  });

  test('a session past its time limit shows as overdue on the grid', async ({ page, station }) => {
    test.setTimeout(150_000);
    await claimAndShut(page, station, '1234567890');
    await stewardSignIn(page, PIN);
    await expect(page.getByTestId('screen-steward-lockers')).toBeVisible();
    await expect(page.getByTestId('steward-overdue-1')).toHaveCount(0);
    // lockerMaxMinutes is 1: the grid refreshes by itself and marks the session overdue.
    // The panel is touched now and then so the idle timeout does not close it.
    await expect(async () => {
      await page.getByTestId('screen-steward-lockers').click({ position: { x: 5, y: 5 } });
      await expect(page.getByTestId('steward-overdue-1')).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000 });
  });
});
