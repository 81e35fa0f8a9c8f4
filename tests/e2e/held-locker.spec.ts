import { test, expect } from './fixtures';

test('the locker shown to a card that taps again follows its door: shut starts the clock, collected takes it away', async ({ page, station }) => {
  await station.tap('0040856634');
  await page.getByTestId('category-skip').click();
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-usb-c').click();
  await expect(page.getByTestId('screen-locker-open')).toBeVisible();
  await expect(page.getByTestId('locker-number')).toHaveText('1');

  // Tapped again before the door is shut: the locker is held, its clock not yet running (zh-CN, the default).
  await station.tap('0040856634');
  await expect(page.getByTestId('screen-already-here')).toBeVisible();
  await expect(page.getByTestId('held-locker-number')).toHaveText('1');
  await expect(page.getByTestId('held-times')).toHaveAttribute('data-started', 'no');
  await expect(page.getByTestId('held-times')).toHaveText(/^请在 \d{2}:\d{2} 前取走$/);

  // The door is shut with the phone inside while that screen is up: it updates in place.
  await station.locker('phone-in', 1);
  await station.locker('close', 1);
  await expect(page.getByTestId('held-times')).toHaveAttribute('data-started', 'yes');
  await expect(page.getByTestId('held-times')).toHaveText(/^\d{2}:\d{2} 存入，请在 \d{2}:\d{2} 前取走$/);
  await expect(page.getByTestId('screen-already-here')).toBeVisible();
  await expect(page.getByTestId('charge-button')).toHaveCount(0);

  // Collected: opened from the card, then the card taps again while the door is still open.
  await page.getByTestId('open-my-locker').click();
  await expect(page.getByTestId('screen-locker-retrieve')).toBeVisible();
  await station.tap('0040856634');
  await expect(page.getByTestId('held-locker-number')).toHaveText('1');
  await station.locker('phone-out', 1);
  await station.locker('close', 1);
  // The session is over: the held locker goes and charging is offered again, on the same screen.
  await expect(page.getByTestId('held-locker')).toHaveCount(0);
  await expect(page.getByTestId('screen-already-here')).toBeVisible();
  await expect(page.getByTestId('charge-button')).toBeVisible();
});
