/**
 * The steward console's records end to end in Chromium against the real station (simulated
 * reader over a pseudo-terminal, real SQLite): workers tap in, a steward signs in with card and
 * PIN, the usage section shows exactly those visits, a count below the threshold raises the
 * low-stock alert and a restock clears it, an inspection is saved, a notice is added, and the
 * idle sign-out lands on the attract screen, which shows the notice.
 */
import { scryptSync } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const STEWARD_CARD = '0011223344';
const PIN = '2468';
const WORKERS = ['0040856634', '1234567890', '0000004242'] as const;
/** The seeded drinking water: the first catalogue item, low at 12 bottles or fewer. */
const WATER = 1;

/** The same encoding as the station's `hashStewardPin` (scrypt, N 16384, r 8, p 1). */
function pinHash(pin: string): string {
  const salt = Buffer.alloc(16, 7);
  return ['scrypt', 16384, 8, 1, salt.toString('hex'), scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 }).toString('hex')].join('$');
}

async function signIn(page: Page, station: { tap(card: string): Promise<string> }): Promise<void> {
  await page.getByTestId('steward-button').click();
  await expect(page.getByTestId('screen-steward-tap')).toBeVisible();
  await station.tap(STEWARD_CARD);
  await expect(page.getByTestId('screen-steward-pin')).toContainText('王芳');
  await press(page, PIN);
  await page.getByTestId('steward-pin-submit').click();
  await expect(page.getByTestId('screen-console')).toBeVisible();
}

/** Types on the on-screen keys of the open composer (lower case, digits, space). */
async function typeKeys(page: Page, text: string): Promise<void> {
  for (const ch of text) await page.locator(`.touch-keyboard [data-skbtn="${ch === ' ' ? '{space}' : ch}"]`).click();
}

async function press(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`keypad-${digit}`).click();
}

test.describe('steward console records', () => {
  test.use({ stationFiles: { 'stewards.json': { stewards: [{ name: '王芳', role: 'host', card: STEWARD_CARD, pinHash: pinHash(PIN) }] } } });

  test('visits → usage totals and chart → restock clears the low-stock alert → inspection → notice on the attract screen after the idle sign-out', async ({ page, station }) => {
    // Real time for the idle sign-out (as in steward-lockers.spec.ts): a fake page clock would
    // also run out the heartbeat against the real service. Every wait is bounded.
    test.setTimeout(300_000);

    // Three members (the first says courier, the others skip) and one guest.
    for (const [i, card] of WORKERS.entries()) {
      await station.tap(card);
      await expect(page.getByTestId('visit-number')).toHaveText('1');
      await page.getByTestId(i === 0 ? 'category-courier' : 'category-skip').click();
      await page.getByTestId('done-button').first().click();
      await expect(page.getByTestId('screen-attract')).toBeVisible();
    }
    await page.getByTestId('no-card-button').click();
    await page.getByTestId('guest-button').click();
    await expect(page.getByTestId('screen-guest-welcome')).toBeVisible();
    await page.getByTestId('done-button').first().click();
    await expect(page.getByTestId('screen-attract')).toBeVisible();

    await signIn(page, station);
    // This station has its (simulated) locker wall: the console opens on the Lockers tab.
    await expect(page.getByTestId('console-tab-lockers')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('screen-steward-lockers')).toBeVisible();

    // Usage, today: exactly the visits above; the steward's own tap is not a visit.
    await page.getByTestId('console-tab-usage').click();
    const total = (id: string) => page.getByTestId(`usage-${id}`).locator('dd');
    await expect(total('visits')).toHaveText('4');
    await expect(total('members')).toHaveText('3');
    await expect(total('guests')).toHaveText('1');
    await expect(total('unique')).toHaveText('3');
    await expect(total('category-courier')).toHaveText('1');
    await expect(total('category-unanswered')).toHaveText('2');
    await expect(total('charging')).toHaveText('0');
    await expect(page.getByTestId('usage-chart').locator('canvas')).toBeVisible();

    // Supplies: 5 bottles counted is low; 20 restocked clears the alert.
    await page.getByTestId('console-tab-supplies').click();
    await expect(page.getByTestId('supplies-alerts')).toHaveCount(0);
    await page.getByTestId(`supply-${WATER}`).click();
    await press(page, '5');
    await page.getByTestId('supplies-counted').click();
    await expect(page.getByTestId(`supplies-alert-${WATER}`)).toContainText('5');
    await expect(page.getByTestId(`supply-${WATER}`)).toHaveAttribute('data-low', 'true');
    await page.getByTestId(`supply-${WATER}`).click();
    await press(page, '20');
    await page.getByTestId('supplies-restocked').click();
    await expect(page.getByTestId(`supply-${WATER}`)).toHaveAttribute('data-low', 'false');
    await expect(page.getByTestId(`supply-${WATER}`)).toContainText('25');
    await expect(page.getByTestId('supplies-alerts')).toHaveCount(0);

    // Inspection: the microwave fails, everything else passes.
    await page.getByTestId('console-tab-inspection').click();
    await expect(page.getByTestId('inspection-history').locator('li')).toHaveCount(0);
    await page.getByTestId('inspection-microwave').click();
    await expect(page.getByTestId('inspection-microwave')).toHaveAttribute('aria-pressed', 'false');
    // Its note on the on-screen keyboard: no editable field, so no OS keyboard.
    await page.getByTestId('inspection-note-microwave').click();
    await page.getByTestId('composer-mode-english').click();
    await typeKeys(page, 'no power');
    await expect(page.getByTestId('inspection-note-editor').locator('input, textarea, [contenteditable="true"]')).toHaveCount(0);
    await page.getByTestId('inspection-note-done').click();
    await expect(page.getByTestId('inspection-note-microwave')).toHaveText('no power');
    await page.getByTestId('inspection-save').click();
    await expect(page.getByTestId('inspection-history').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('inspection-history').locator('li')).toContainText('王芳');
    await expect(page.getByTestId('inspection-history').locator('li')).toContainText('1');
    await expect(page.getByTestId('inspection-record-note-microwave')).toContainText('no power');
    await expect(page.getByTestId('inspection-note-microwave')).not.toHaveText('no power');

    // Notices: one for all day, every day, so it is current now.
    await page.getByTestId('console-tab-notices').click();
    await page.getByTestId('notice-add').click();
    // No native field in the form: texts on the on-screen keys, times and days on buttons.
    const form = page.getByTestId('notice-form');
    await expect(form.locator('input, textarea, select, [contenteditable="true"]')).toHaveCount(0);
    await expect(page.getByTestId('notice-save')).toBeDisabled();
    // The Chinese title in pinyin (the first candidate, taken by switching to English), then the number.
    await page.getByTestId('notice-title-zh').click();
    await typeKeys(page, 'falvyuanzhurexian');
    await expect(page.getByTestId('candidate').first()).toHaveText('法律援助热线');
    await page.getByTestId('composer-mode-english').click();
    await typeKeys(page, ' 12351');
    await page.getByTestId('notice-text-done').click();
    await expect(page.getByTestId('notice-title-zh')).toContainText('法律援助热线 12351');
    await page.getByTestId('notice-title-en').click();
    await page.getByTestId('composer-mode-english').click();
    await typeKeys(page, 'legal aid 12351');
    await page.getByTestId('notice-text-done').click();
    await expect(page.getByTestId('notice-title-en')).toContainText('legal aid 12351');
    // The window's steppers stop at the day's ends; stepped away and back, it stays all day.
    await expect(page.getByTestId('notice-start-value')).toHaveText('00:00');
    await expect(page.getByTestId('notice-start-hour-down')).toBeDisabled();
    await expect(page.getByTestId('notice-end-hour-up')).toBeDisabled();
    await page.getByTestId('notice-end-hour-down').click();
    await page.getByTestId('notice-end-minute-down').click();
    await expect(page.getByTestId('notice-end-value')).toHaveText('22:45');
    await page.getByTestId('notice-end-minute-up').click();
    await page.getByTestId('notice-end-hour-up').click();
    await expect(page.getByTestId('notice-end-value')).toHaveText('24:00');
    await page.getByTestId('notice-day-1').click();
    await expect(page.getByTestId('notice-day-1')).toHaveAttribute('aria-pressed', 'false');
    await page.getByTestId('notice-day-1').click();
    await expect(page.getByTestId('notice-day-1')).toHaveAttribute('aria-pressed', 'true');
    // Every button in the form is at least the kiosk's minimum target (88 px here).
    for (const box of await form.locator('button:visible').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)))) {
      expect(box).toBeGreaterThanOrEqual(88);
    }
    await page.getByTestId('notice-save').click();
    await expect(page.getByTestId('section-notices')).toContainText('法律援助热线 12351');

    // Edit it: the form opens with its texts; Save asks why, and the reason saves it, audited.
    const row = page.locator('[data-testid^="notice-"]').filter({ hasText: '法律援助热线 12351' }).first();
    await row.locator('[data-testid^="notice-edit-"]').click();
    await expect(page.getByTestId('notice-editing')).toContainText('法律援助热线 12351');
    await expect(page.getByTestId('notice-title-en')).toContainText('legal aid 12351');
    await page.getByTestId('notice-title-en').click();
    await page.getByTestId('composer-mode-english').click();
    await typeKeys(page, ' hotline');
    await page.getByTestId('notice-text-done').click();
    await page.getByTestId('notice-save').click();
    await expect(page.getByTestId('notice-why')).toBeVisible();
    await page.getByTestId('notice-reason-mistake').click();
    await expect(page.getByTestId('notice-form')).toHaveCount(0);
    await row.locator('[data-testid^="notice-edit-"]').click();
    await expect(page.getByTestId('notice-title-en')).toContainText('legal aid 12351 hotline');
    await page.getByTestId('notice-cancel').click();
    await page.getByTestId('console-tab-audit').click();
    const editRow = page.locator('[data-testid^="audit-row-"]').filter({ has: page.getByTestId('audit-action').getByText('notice.edit', { exact: true }) });
    await expect(editRow).toContainText('改正错误');

    // No touch for the steward idle time: signed out, back on the attract screen with the notice.
    const touchedAt = Date.now();
    await page.getByTestId('console-who').click();
    await expect(page.getByTestId('screen-attract')).toBeVisible({ timeout: 180_000 });
    const idleMs = Date.now() - touchedAt;
    expect(idleMs).toBeGreaterThanOrEqual(119_000);
    expect(idleMs).toBeLessThan(170_000);
    await expect(page.getByTestId('attract-notices')).toContainText('法律援助热线 12351');
    // Signed out on the service too: the next sign-in starts from the card again.
    await page.getByTestId('steward-button').click();
    await expect(page.getByTestId('screen-steward-tap')).toBeVisible();
  });

  test('an answer of forbidden in any records section (the session was replaced) closes the console', async ({ page, station }) => {
    test.setTimeout(120_000);
    // Each section's next call after the session ended elsewhere.
    const actions: Record<'usage' | 'supplies' | 'inspection' | 'notices', () => Promise<void>> = {
      usage: () => page.getByTestId('usage-range-7d').click(),
      supplies: async () => {
        await page.getByTestId(`supply-${WATER}`).click();
        await press(page, '5');
        await page.getByTestId('supplies-counted').click();
      },
      inspection: () => page.getByTestId('inspection-save').click(),
      notices: async () => {
        await page.getByTestId('notice-add').click();
        for (const field of ['notice-title-zh', 'notice-title-en']) {
          await page.getByTestId(field).click();
          await page.getByTestId('composer-mode-english').click();
          await typeKeys(page, 'fraud');
        }
        await page.getByTestId('notice-save').click();
      },
    };
    for (const [tab, act] of Object.entries(actions)) {
      await signIn(page, station);
      await page.getByTestId(`console-tab-${tab}`).click();
      await expect(page.getByTestId(`section-${tab}`)).toBeVisible();
      // A second screen on the same station signs the steward in again: one console per
      // kiosk, so the first session ends as replaced.
      const other = await page.context().newPage();
      await other.goto(station.process.screenUrl);
      await signIn(other, station);
      await act();
      await expect(page.getByTestId('screen-attract')).toBeVisible();
      await expect(page.getByTestId('screen-console')).toHaveCount(0);
      await other.close();
    }
  });
});
