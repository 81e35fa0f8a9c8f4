/**
 * Issue 8, item 9: a first visit asks one question at a time, and Back returns to the screen
 * a step was opened from (the member's welcome, with no second card tap), with an arrow.
 */
import { test, expect } from './fixtures';

test('first visit: the category question alone, then the locker offer; Back from the cable picker keeps the member', async ({ page, station }) => {
  await station.tap('0040856634');
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await expect(page.getByTestId('category-courier')).toBeVisible();
  // One question: no charge button and no Done beside it; Skip is the way on.
  await expect(page.getByTestId('charge-button')).toHaveCount(0);
  await expect(page.getByTestId('done-button')).toHaveCount(0);
  await page.getByTestId('category-courier').click();
  await expect(page.getByTestId('charge-button')).toBeEnabled();
  await expect(page.getByTestId('done-button')).toBeVisible();

  await page.getByTestId('charge-button').click();
  await expect(page.getByTestId('screen-locker-cable')).toBeVisible();
  await expect(page.getByTestId('done-button')).toHaveCount(0);
  await page.getByTestId('back-button').click();
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  // Still the same member, with the same card pass: a locker opens without another tap.
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-usb-c').click();
  await expect(page.getByTestId('screen-locker-open')).toBeVisible();
  await expect(page.getByTestId('locker-number')).toHaveText('1');
});

test('Back on the join screen returns to where it was opened; on no-card and the keypad, to the start', async ({ page, station }) => {
  void station;
  await page.getByTestId('no-card-button').click();
  await page.getByTestId('guest-button').click();
  await expect(page.getByTestId('screen-guest-welcome')).toBeVisible();
  await page.getByTestId('join-button').click();
  await expect(page.getByTestId('screen-join')).toBeVisible();
  await page.getByTestId('back-button').click();
  await expect(page.getByTestId('screen-guest-welcome')).toBeVisible();
  await page.getByTestId('done-button').click();

  await page.getByTestId('no-card-button').click();
  await page.getByTestId('join-button').click();
  await page.getByTestId('back-button').click();
  await expect(page.getByTestId('screen-no-card')).toBeVisible();
  // An arrow, not the house of "Done".
  await expect(page.getByTestId('back-button').locator('path')).toHaveAttribute('d', 'M10 5l-7 7 7 7M3.5 12H21');
  await page.getByTestId('back-button').click();
  await expect(page.getByTestId('screen-attract')).toBeVisible();
  await page.getByTestId('collect-button').click();
  await page.getByTestId('back-button').click();
  await expect(page.getByTestId('screen-attract')).toBeVisible();
});
