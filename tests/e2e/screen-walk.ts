/**
 * Walks a fresh station through every screen a worker or steward can reach, in one language,
 * calling `at(name)` on each as it comes to rest. The layout spec checks each screen; with
 * SCREENSHOTS=1 it also saves them (`npm run screenshots`).
 */
import type { Page } from '@playwright/test';
import { expect, type StationFixture } from './fixtures';

export type Lang = 'zh-CN' | 'en';

const CARD_A = '0040856634';
const CARD_B = '1234567890';
const STEWARD_PIN = '2468';

async function press(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`keypad-${digit}`).click();
}

/** The setup code the station printed on its console at start. */
export function setupCodeOf(station: StationFixture): string {
  const code = /Steward setup code: ([0-9]{8}) /.exec(station.process.output())?.[1];
  if (!code) throw new Error(`no steward setup code in the station output:\n${station.process.output()}`);
  return code;
}

export async function walkEveryScreen(
  page: Page,
  station: StationFixture,
  lang: Lang,
  at: (name: string) => Promise<void>,
): Promise<void> {
  const screen = (id: string) => expect(page.getByTestId(id)).toBeVisible();
  await page.getByTestId(`lang-${lang}`).click();
  await screen('screen-attract');
  await at('attract');

  // No card: join, back to the choice, in as a guest, a locker with a pickup code.
  await page.getByTestId('no-card-button').click();
  await screen('screen-no-card');
  await at('no-card');
  await page.getByTestId('join-button').click();
  await screen('screen-join');
  await at('join');
  await page.getByTestId('back-button').click();
  await page.getByTestId('guest-button').click();
  await screen('screen-guest-welcome');
  await at('guest-welcome');
  await page.getByTestId('charge-button').click();
  await screen('screen-locker-cable');
  await at('locker-cable');
  await page.getByTestId('cable-lightning').click();
  await screen('screen-pickup-code');
  await at('pickup-code');
  await page.getByTestId('pickup-code-done').click();
  await screen('screen-locker-open');
  await at('locker-open');
  await station.locker('close', 7);
  await screen('screen-locker-charging');
  await at('locker-charging');
  await page.getByTestId('done-button').click();

  // Collecting with a code: a wrong one first.
  await page.getByTestId('collect-button').click();
  await screen('screen-code-entry');
  await at('code-entry-locker');
  await press(page, '7');
  await page.getByTestId('keypad-next').click();
  await expect(page.getByTestId('lost-code')).toBeVisible();
  await at('code-entry');
  await press(page, '000000');
  await page.getByTestId('keypad-submit').click();
  await expect(page.getByTestId('wrong-code')).toBeVisible();
  await at('code-entry-wrong');
  await page.getByTestId('back-button').click();

  // A member's first visit: the question alone, then the locker.
  await station.tap(CARD_A);
  await screen('screen-welcome');
  await at('welcome-first-visit');
  await page.getByTestId('category-courier').click();
  await expect(page.getByTestId('charge-button')).toBeEnabled();
  await at('welcome');
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-usb-c').click();
  await screen('screen-locker-open');
  await station.locker('close', 1);
  await screen('screen-locker-charging');
  await page.getByTestId('done-button').click();
  await station.tap(CARD_A);
  await screen('screen-already-here');
  await expect(page.getByTestId('open-my-locker')).toBeEnabled();
  await at('already-here-with-locker');
  await page.getByTestId('open-my-locker').click();
  await screen('screen-locker-retrieve');
  await at('locker-retrieve');
  await station.locker('close', 1);
  await screen('screen-locker-ended');
  await at('locker-ended');
  await page.getByTestId('done-button').click();

  // The first steward: setup code, PIN twice, the grid, one locker's actions.
  await page.getByTestId('steward-button').click();
  await screen('screen-steward-setup');
  await at('steward-setup-code');
  await press(page, setupCodeOf(station));
  await page.getByTestId('steward-setup-submit').click();
  await expect(page.getByTestId('screen-steward-setup')).toHaveAttribute('data-step', 'pin');
  await press(page, STEWARD_PIN);
  await page.getByTestId('steward-setup-submit').click();
  await press(page, STEWARD_PIN);
  await page.getByTestId('steward-setup-submit').click();
  await screen('screen-steward-lockers');
  await expect(page.getByTestId('steward-locker-7')).toHaveAttribute('data-state', 'charging');
  await at('steward-lockers');
  await page.getByTestId('steward-locker-7').click();
  await screen('steward-sheet');
  await at('steward-locker-actions');
  await page.getByTestId('steward-action-remote-open').click();
  await screen('steward-reason-0');
  await at('steward-reason');
  await page.getByTestId('steward-back').click();
  await page.getByTestId('steward-back').click();
  await page.getByTestId('steward-exit').click();
  await page.getByTestId('steward-button').click();
  await screen('screen-steward-tap');
  await page.getByTestId('steward-pin-only').click();
  await screen('screen-steward-pin');
  await at('steward-pin');
  await page.getByTestId('steward-exit').click();

  // A bad read on the reader (the message goes by itself after a few seconds).
  await station.garbage(64);
  await screen('screen-card-error');
  await at('card-error');
  await screen('screen-attract');

  // The lock board goes off the bus: the offers say so, check-in still works.
  await station.locker('offline');
  await station.tap(CARD_B);
  await screen('screen-welcome');
  await page.getByTestId('category-skip').click();
  await expect(async () => {
    await station.tap(CARD_B);
    await expect(page.getByTestId('locker-unavailable')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await at('already-here-lockers-offline');

  // The wish wall from that check-in: the wall, the composer (pinyin pending, handwriting),
  // a posted note on the wall, then the wall read from the attract screen's rotation.
  await page.getByTestId('wish-wall-button').click();
  await screen('screen-wishes');
  await expect(page.getByTestId('wish-write')).toBeEnabled();
  await at('wish-wall-empty');
  await page.getByTestId('wish-write').click();
  await screen('wish-compose');
  await at('wish-compose');
  for (const letter of 'xiexie') await page.locator(`.touch-keyboard [data-skbtn="${letter}"]`).click();
  await expect(page.getByTestId('candidate').first()).toHaveText('谢谢');
  await at('wish-compose-pinyin');
  await page.getByTestId('candidate').first().click();
  if (await page.getByTestId('composer-mode-handwriting').isVisible()) {
    await page.getByTestId('composer-mode-handwriting').click();
    await screen('handwriting-canvas');
    await at('wish-compose-handwriting');
    await page.getByTestId('composer-mode-pinyin').click();
  }
  await page.getByTestId('wish-post').click();
  await expect(page.getByTestId('wish-notice')).toHaveAttribute('data-kind', 'posted');
  await expect(page.getByTestId('wish-note')).toHaveCount(1);
  await at('wish-wall-posted');
  await page.getByTestId('done-button').click();
  await expect(page.getByTestId('wish-rotation-note')).toBeVisible();
  await page.getByTestId('wish-rotation').click();
  await screen('screen-wishes');
  await expect(page.getByTestId('wish-note')).toHaveCount(1);
  await at('wish-wall-reading');
}
