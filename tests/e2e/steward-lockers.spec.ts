/**
 * The steward console in Chromium against the real station (simulated reader and locker wall
 * over pseudo-terminals): a steward card tapped at the sign-in screen, the PIN, the locker
 * section, a remote open that really pulses the simulated lock, emergency open-all behind two
 * confirmations, the audit log, a worker's tap during the session, and signing out by idle.
 */
import { scryptSync } from 'node:crypto';
import type { Page } from '@playwright/test';
import { SIM_LOCKER_BUS_ID } from '../../hardware/simulators/default-simulated-lockers';
import { test, expect } from './fixtures';

const STEWARD_CARD = '0011223344';
const PIN = '2468';
const WORKER = '0040856634';

/** The same encoding as the station's `hashStewardPin` (scrypt, N 16384, r 8, p 1). */
function pinHash(pin: string): string {
  const salt = Buffer.alloc(16, 7);
  return ['scrypt', 16384, 8, 1, salt.toString('hex'), scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 }).toString('hex')].join('$');
}

async function press(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`keypad-${digit}`).click();
}

async function signIn(page: Page, station: { tap(card: string): Promise<string> }, pin: string): Promise<void> {
  await page.getByTestId('steward-button').click();
  await expect(page.getByTestId('screen-steward-tap')).toBeVisible();
  await station.tap(STEWARD_CARD);
  await expect(page.getByTestId('screen-steward-pin')).toContainText('王芳');
  await press(page, pin);
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

test.describe('steward console', () => {
  test.use({ stationFiles: { 'stewards.json': { stewards: [{ name: '王芳', role: 'host', card: STEWARD_CARD, pinHash: pinHash(PIN) }] } } });

  test('steward card + PIN → console → locker section: remote open, open all (confirmed twice), audit', async ({ page, station }) => {
    await claimAndShut(page, station, WORKER);
    expect(await station.locker('status', 1)).toBe('Locker 1: door shut, empty');

    await signIn(page, station, '1111');
    await expect(page.getByTestId('steward-pin-wrong')).toContainText(/4/);
    await press(page, PIN);
    await page.getByTestId('steward-pin-submit').click();
    await expect(page.getByTestId('screen-console')).toBeVisible();
    await expect(page.getByTestId('console-who')).toContainText('王芳');
    await expect(page.getByTestId('steward-locker-1')).toBeVisible();
    await expect(page.getByTestId('steward-locker-12')).toBeVisible();

    await page.getByTestId('steward-locker-1').click();
    await page.getByTestId('steward-action-remote-open').click();
    await page.getByTestId('steward-reason-0').click();
    await expect(page.getByTestId('steward-action-done')).toBeVisible();
    // The simulated lock was really pulsed over the bus.
    expect(await station.locker('status', 1)).toBe('Locker 1: door open, empty');
    await station.locker('close', 1);

    await page.getByTestId('open-all').click();
    await page.getByTestId('open-all-reason-emergency').click();
    await expect(page.getByTestId('open-all-sure')).toBeVisible();
    expect(await station.locker('status', 2)).toBe('Locker 2: door shut, empty');
    await page.getByTestId('open-all-confirm').click();
    await expect(page.getByTestId('open-all-done')).toContainText(/12/);
    for (const n of [1, 2, 12]) expect(await station.locker('status', n)).toBe(`Locker ${n}: door open, empty`);
    // The simulated board takes the board-level command: said per board.
    const board = page.getByTestId(`open-all-board-${SIM_LOCKER_BUS_ID}-1`);
    await expect(board).toHaveAttribute('data-method', 'board-command');
    await expect(board).toContainText('整板一条指令：已开 12 / 12');
    await expect(page.getByTestId('open-all-not-opened')).toHaveCount(0);

    // Firmware without open-all, and a jammed lock: one lock at a time, and the failure named.
    await page.getByTestId('open-all-close').click();
    for (let n = 1; n <= 12; n++) await station.locker('close', n);
    expect(await station.locker('ignores-open-all')).toBe('The simulated board now ignores the "open all" command');
    await station.locker('jam', 5);
    await page.getByTestId('open-all').click();
    await page.getByTestId('open-all-reason-power').click();
    await page.getByTestId('open-all-confirm').click();
    await expect(board).toHaveAttribute('data-method', 'one-by-one', { timeout: 30_000 });
    await expect(board).toContainText('整板指令无应答，改为逐个开锁：已开 11 / 12');
    await expect(page.getByTestId('open-all-not-opened')).toHaveText('未打开：5 号（锁未打开）');
    expect(await station.locker('status', 4)).toBe('Locker 4: door open, empty');
    expect(await station.locker('status', 5)).toBe('Locker 5: door shut, empty');
    await station.locker('clear');

    await page.getByTestId('console-tab-audit').click();
    await expect(page.getByTestId('console-audit')).toBeVisible();
    await expect(page.getByTestId('audit-action')).toHaveText([
      'locker.open-all.done',
      'locker.open-all',
      'locker.open-all.done',
      'locker.open-all',
      'locker.remote-open',
      'steward.sign-in',
    ]);
  });

  test('a worker tap during the session is the worker\'s check-in and closes the console', async ({ page, station }) => {
    await signIn(page, station, PIN);
    await expect(page.getByTestId('screen-console')).toBeVisible();
    await station.tap(WORKER);
    await expect(page.getByTestId('screen-welcome')).toBeVisible();
    await expect(page.getByTestId('screen-console')).toHaveCount(0);
  });

  test('2 minutes without a touch sign the steward out', async ({ page, station }) => {
    // Real time: a fake page clock would also run out the heartbeat's timeouts against the
    // real service. The wait is bounded and the elapsed time is asserted both ways.
    test.setTimeout(240_000);
    await signIn(page, station, PIN);
    await expect(page.getByTestId('screen-steward-lockers')).toBeVisible();
    const touchedAt = Date.now();
    await page.getByTestId('console-who').click();
    await expect(page.getByTestId('screen-attract')).toBeVisible({ timeout: 180_000 });
    const idleMs = Date.now() - touchedAt;
    expect(idleMs).toBeGreaterThanOrEqual(119_000);
    expect(idleMs).toBeLessThan(170_000);
    // Signed out on the service too: the next sign-in starts from the card again.
    await page.getByTestId('steward-button').click();
    await expect(page.getByTestId('screen-steward-tap')).toBeVisible();
  });
});
