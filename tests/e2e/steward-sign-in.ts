/**
 * Signing a steward in on the kiosk, for end-to-end tests: a stewards.json entry with a real
 * scrypt hash, and the card tap + PIN at the console's sign-in screen.
 */
import { scryptSync } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const STEWARD_CARD = '0011223344';
export const STEWARD_PIN = '2468';

/** The same encoding as the station's `hashStewardPin` (scrypt, N 16384, r 8, p 1). */
export function pinHash(pin: string): string {
  const salt = Buffer.alloc(16, 7);
  return ['scrypt', 16384, 8, 1, salt.toString('hex'), scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 }).toString('hex')].join('$');
}

/** `stationFiles` with one host steward (王芳) on {@link STEWARD_CARD} / {@link STEWARD_PIN}. */
export const ONE_STEWARD = { 'stewards.json': { stewards: [{ name: '王芳', role: 'host', card: STEWARD_CARD, pinHash: pinHash(STEWARD_PIN) }] } };

/** From the attract screen: "Steward", the card on the reader, the PIN; resolves on the console. */
export async function signInSteward(page: Page, station: { tap(card: string): Promise<string> }): Promise<void> {
  await page.getByTestId('steward-button').click();
  await expect(page.getByTestId('screen-steward-tap')).toBeVisible();
  await station.tap(STEWARD_CARD);
  await expect(page.getByTestId('screen-steward-pin')).toContainText('王芳');
  for (const digit of STEWARD_PIN) await page.getByTestId(`keypad-${digit}`).click();
  await page.getByTestId('steward-pin-submit').click();
  await expect(page.getByTestId('screen-console')).toBeVisible();
}
