/**
 * Wish moderation in Chromium against the real station: a steward signs in (card + PIN),
 * opens the console's Wishes section, hides a note with a reason typed on the touch composer
 * (audited), and approves a note held under after-approval mode; the wall shows each outcome.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ONE_STEWARD, signInSteward } from './steward-sign-in';

test.use({ stationFiles: ONE_STEWARD });

const key = (page: Page, button: string) => page.locator(`.touch-keyboard [data-skbtn="${button}"]`);

/** A worker taps a card, opens the wall and posts a quick phrase; resolves with the notice shown. */
async function postPhrase(page: Page, station: { tap(card: string): Promise<string> }, card: string, phrase: string): Promise<string | null> {
  await station.tap(card);
  await page.getByTestId('category-skip').click();
  await page.getByTestId('wish-wall-button').click();
  await page.getByTestId('wish-write').click();
  await page.getByTestId(`wish-phrase-${phrase}`).click();
  await page.getByTestId('wish-post').click();
  const notice = page.getByTestId('wish-notice');
  await expect(notice).toBeVisible();
  const kind = await notice.getAttribute('data-kind');
  await page.getByTestId('done-button').click();
  await expect(page.getByTestId('screen-attract')).toBeVisible();
  return kind;
}

async function openWishesSection(page: Page, station: { tap(card: string): Promise<string> }): Promise<void> {
  await signInSteward(page, station);
  await page.getByTestId('console-tab-wishes').click();
  await expect(page.getByTestId('wish-moderation')).toBeVisible();
}

async function exitConsole(page: Page): Promise<void> {
  await page.getByTestId('steward-exit').click();
  await expect(page.getByTestId('screen-attract')).toBeVisible();
}

test.describe('posting at once', () => {
  // A loaded test machine must not lose the welcome (and its pass) before the first click.
  test.use({ stationSettings: { personalScreenSeconds: 120 } });

  test('a steward hides a note with a reason typed on the touch keys; it is gone from the wall and the audit says why', async ({ page, station }) => {
    expect(await postPhrase(page, station, '0040856634', 'hotWater')).toBe('posted');
    expect(await postPhrase(page, station, '0040856635', 'raincoatRack')).toBe('posted');

    await openWishesSection(page, station);
    await page.getByTestId('wish-filter-all').click();
    const items = page.getByTestId('wish-moderation-item');
    await expect(items.getByTestId('wish-text')).toHaveText(['希望有雨衣架', '热水很方便']);
    const target = items.filter({ hasText: '热水很方便' });
    await target.getByTestId('wish-hide').click();
    // The reason is typed on the composer, never a native field.
    expect(await page.locator('input, textarea, select, [contenteditable]:not([contenteditable="false"])').count()).toBe(0);
    await page.getByTestId('composer-mode-english').click();
    for (const letter of 'spam') await key(page, letter).click();
    await page.getByTestId('wish-moderation-send').click();
    await expect(target).toHaveAttribute('data-state', 'hidden');
    await expect(target).toContainText('spam');

    await page.getByTestId('console-tab-audit').click();
    await expect(page.getByTestId('audit-action').first()).toHaveText('wish.hide');
    await exitConsole(page);

    await page.getByTestId('wish-rotation').click();
    await expect(page.getByTestId('wish-text')).toHaveText(['希望有雨衣架']);
    await expect(page.getByText('热水很方便')).toHaveCount(0);
  });
});

test.describe('after approval', () => {
  test.use({
    stationSettings: { personalScreenSeconds: 120, wishes: { maxLength: 140, perCardPerDay: 3, perGuestVisit: 2, moderation: 'approval', passMinutes: 10 } },
  });

  test('a held note is not on the wall until a steward approves it', async ({ page, station }) => {
    expect(await postPhrase(page, station, '0040856634', 'sunSleeves')).toBe('held');
    await expect(page.getByTestId('wish-rotation')).toHaveCount(0);
    await station.tap('0040856635');
    await page.getByTestId('category-skip').click();
    await page.getByTestId('wish-wall-button').click();
    await expect(page.getByTestId('wish-empty')).toBeVisible();
    await page.getByTestId('done-button').click();
    await expect(page.getByTestId('screen-attract')).toBeVisible();

    await openWishesSection(page, station);
    await expect(page.getByTestId('wish-mode-approval')).toHaveAttribute('aria-checked', 'true');
    const held = page.getByTestId('wish-moderation-item');
    await expect(held).toHaveCount(1);
    await expect(held.getByTestId('wish-text')).toHaveText('夏天要防晒袖套');
    await held.getByTestId('wish-approve').click();
    await expect(page.getByTestId('wish-moderation-item')).toHaveCount(0);
    await exitConsole(page);

    await page.getByTestId('wish-rotation').click();
    await expect(page.getByTestId('wish-text')).toHaveText(['夏天要防晒袖套']);
  });
});
