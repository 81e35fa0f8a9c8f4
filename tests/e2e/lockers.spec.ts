import { test, expect } from './fixtures';

test('a member claims a locker with a card, the door is shut, and the same card opens it again', async ({ page, station }) => {
  await station.tap('0040856634');
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  // First visit: the category question comes alone, then the locker offer.
  await page.getByTestId('category-skip').click();
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-usb-c').click();
  await expect(page.getByTestId('screen-locker-open')).toBeVisible();
  // The simulated wall: lockers 1–6 are USB-C, the lowest free one is chosen.
  await expect(page.getByTestId('locker-number')).toHaveText('1');

  await station.locker('phone-in', 1);
  await station.locker('close', 1);
  await expect(page.getByTestId('screen-locker-charging')).toBeVisible();
  await expect(page.getByTestId('locker-number')).toHaveText('1');

  // Later: the same card is tapped again and is shown its locker.
  await station.tap('0040856634');
  await expect(page.getByTestId('held-locker-number')).toHaveText('1');
  await page.getByTestId('open-my-locker').click();
  await expect(page.getByTestId('screen-locker-retrieve')).toBeVisible();
  await station.locker('phone-out', 1);
  await station.locker('close', 1);
  await expect(page.getByTestId('screen-locker-ended')).toBeVisible();
});

test('a guest claims with a pickup code shown once, and collects with it on the keypad', async ({ page, station }) => {
  await page.getByTestId('no-card-button').click();
  await page.getByTestId('guest-button').click();
  await expect(page.getByTestId('screen-guest-welcome')).toBeVisible();
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-lightning').click();
  await expect(page.getByTestId('screen-pickup-code')).toBeVisible();
  const code = (await page.getByTestId('pickup-code').textContent())?.replace(/\D/g, '') ?? '';
  expect(code).toMatch(/^\d{6}$/);
  // Lightning lockers are 7–9 on the simulated wall.
  await expect(page.getByTestId('locker-number')).toHaveText('7');
  await page.getByTestId('pickup-code-done').click();
  await station.locker('close', 7);
  await expect(page.getByTestId('screen-locker-charging')).toBeVisible();
  await page.getByTestId('done-button').first().click();
  await expect(page.getByTestId('screen-attract')).toBeVisible();

  await page.getByTestId('collect-button').click();
  await expect(page.getByTestId('screen-code-entry')).toBeVisible();
  // A wrong code first: refused, with attempts left.
  const wrong = code === '000000' ? '111111' : '000000';
  for (const digit of wrong) await page.getByTestId(`keypad-${digit}`).click();
  await page.getByTestId('keypad-submit').click();
  await expect(page.getByTestId('wrong-code')).toBeVisible();
  // The refused entry is cleared; a mistyped digit can be taken back.
  await expect(page.getByTestId('code-digits')).toHaveAttribute('data-value', '');
  await page.getByTestId('keypad-5').click();
  await page.getByTestId('keypad-back').click();
  for (const digit of code) await page.getByTestId(`keypad-${digit}`).click();
  await page.getByTestId('keypad-submit').click();
  await expect(page.getByTestId('screen-locker-retrieve')).toBeVisible();
  await expect(page.getByTestId('locker-number')).toHaveText('7');
  await station.locker('close', 7);
  await expect(page.getByTestId('screen-locker-ended')).toBeVisible();
});

test('a jammed lock is marked faulty and the next locker is opened instead', async ({ page, station }) => {
  await station.locker('jam', 1);
  await station.tap('1234567890');
  await page.getByTestId('category-skip').click();
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-usb-c').click();
  await expect(page.getByTestId('screen-locker-open')).toBeVisible();
  await expect(page.getByTestId('locker-number')).toHaveText('2');
  await expect(page.getByTestId('skipped-faulty')).toContainText('1');
});

test('with the locker board off the bus, locker buttons are disabled and check-in still works', async ({ page, station }) => {
  await station.locker('offline');
  await station.tap('0040856634');
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  // Three missed polls (1 s apart) take the board, and with it the bus, offline; each tap
  // (the same visit again) asks for the lockers anew.
  await expect(async () => {
    await station.tap('0040856634');
    await expect(page.getByTestId('locker-unavailable')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('locker-unavailable')).toHaveAttribute('data-reason', 'offline');
  await expect(page.getByTestId('charge-button')).toBeDisabled();
  await expect(page.getByTestId('screen-already-here')).toBeVisible();
});
