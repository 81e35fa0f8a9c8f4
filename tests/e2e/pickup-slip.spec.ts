import { test, expect } from './fixtures';

async function guestToPickupCode(page: import('@playwright/test').Page): Promise<string> {
  await page.getByTestId('no-card-button').click();
  await page.getByTestId('guest-button').click();
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-usb-c').click();
  await expect(page.getByTestId('screen-pickup-code')).toBeVisible();
  return (await page.getByTestId('pickup-code').textContent())?.replace(/\D/g, '') ?? '';
}

test('a guest prints the pickup slip at the open door; the printer got the locker, the code and its QR code', async ({ page, station }) => {
  const code = await guestToPickupCode(page);
  await expect(page.getByTestId('pickup-code-print')).toBeEnabled();
  await page.getByTestId('pickup-code-print').click();
  await expect(page.getByTestId('pickup-print-status')).toHaveText('已打印，请取走取件单');
  const printed = await station.printer('printed');
  expect(printed.split('\n').slice(1, 5)).toEqual(['储物柜', '1', '取件码', code]);
  expect(printed).toContain(`(QR codes: L1-${code}; cuts: 1)`);
  // The door is shut on the phone: no more slips, and the code screen goes by itself.
  await page.getByTestId('pickup-code-done').click();
  await station.locker('close', 1);
  await expect(page.getByTestId('screen-locker-charging')).toBeVisible();
  expect(await station.printer('printed')).toContain('cuts: 1)');
});

test('the roll runs out: the screen says so, the button is disabled, and the guest still has the code on screen', async ({ page, station }) => {
  const code = await guestToPickupCode(page);
  await page.getByTestId('lang-en').click();
  await station.printer('paper-out');
  await page.getByTestId('pickup-code-print').click();
  await expect(page.getByTestId('pickup-print-status')).toHaveText('The printer is out of paper: please write the code down (a steward has been told)');
  // The device status follows at once, so the button no longer invites a second try.
  await expect(page.getByTestId('pickup-code-print')).toBeDisabled();
  await expect(page.getByTestId('pickup-code')).toHaveText(code);
  expect(await station.printer('printed')).toBe('Nothing printed yet.');
});

test('a station whose printer is already out of paper offers the slip button disabled from the start', async ({ page, station }) => {
  await station.printer('paper-out');
  // The printer's next paper check (every 10 s) finds the roll empty; the screen follows the device status.
  await guestToPickupCode(page);
  await expect(page.getByTestId('pickup-code-print')).toBeDisabled({ timeout: 15_000 });
});
