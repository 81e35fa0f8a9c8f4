import type { Page } from '@playwright/test';
import { openStationSocket, type StationSocket } from '../support/station-socket';
import { test, expect } from './fixtures';

/** A card check-in over the socket, as a wedge reader would type it; returns its wish pass. */
async function wishPassOf(socket: StationSocket, card: string): Promise<string> {
  const outcome = await socket.call('submitWedgeRead', { text: card });
  const pass = (outcome.value as { wishPass?: string } | undefined)?.wishPass;
  if (!outcome.ok || !pass) throw new Error(`no wish pass: ${JSON.stringify(outcome)}`);
  return pass;
}

// A loaded test machine must not lose the welcome (and its pass) before the first click.
test.use({ stationSettings: { personalScreenSeconds: 120 } });

async function openWallFromAttract(page: Page) {
  await page.getByTestId('wish-rotation').click();
  await expect(page.getByTestId('screen-wishes')).toBeVisible();
}

const key = (page: Page, button: string) => page.locator(`.touch-keyboard [data-skbtn="${button}"]`);

test('tap a card, open the wall, type xiexie on the on-screen keys, choose 谢谢, post it as thanks, see it; "me too" counts once', async ({ page, station }) => {
  await station.tap('0040856634');
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await page.getByTestId('category-skip').click();
  await page.getByTestId('wish-wall-button').click();
  await expect(page.getByTestId('wish-empty')).toBeVisible();

  await page.getByTestId('wish-write').click();
  await page.getByTestId('wish-category-thanks').click();
  for (const letter of 'xiexie') await key(page, letter).click();
  await expect(page.getByTestId('composer-composition')).toHaveText('xiexie');
  const first = page.getByTestId('candidate').first();
  await expect(first).toHaveText('谢谢');
  await first.click();
  await expect(page.locator('.composer-char')).toHaveText(['谢', '谢']);
  await expect(page.getByTestId('composer-counter')).toHaveText('2 / 140');
  // The composer is no editable field: nothing calls up the operating system's keyboard.
  expect(await page.locator('input, textarea, select, [contenteditable]:not([contenteditable="false"])').count()).toBe(0);
  await page.getByTestId('wish-sticker-heart').click();
  await page.getByTestId('wish-post').click();

  await expect(page.getByTestId('wish-notice')).toHaveAttribute('data-kind', 'posted');
  const note = page.getByTestId('wish-note');
  await expect(note).toHaveCount(1);
  await expect(note).toHaveAttribute('data-category', 'thanks');
  await expect(note.getByTestId('wish-text')).toHaveText('谢谢');

  await note.getByTestId('wish-me-too').click();
  await expect(note.getByTestId('wish-me-too-count')).toHaveText('1 人同感');
  await expect(note.getByTestId('wish-me-too')).toBeDisabled();

  // Home, then the attract screen's rotation shows the note and opens the wall to read only.
  await page.getByTestId('done-button').click();
  await expect(page.getByTestId('wish-rotation-note')).toHaveText(/谢谢/);
  await openWallFromAttract(page);
  await expect(page.getByTestId('wish-write')).toHaveCount(0);
  await expect(page.getByTestId('wish-me-too')).toHaveCount(0);
});

test('a guest check-in may post a quick phrase', async ({ page, station }) => {
  void station;
  await page.getByTestId('no-card-button').click();
  await page.getByTestId('guest-button').click();
  await page.getByTestId('wish-wall-button').click();
  await page.getByTestId('wish-write').click();
  await page.getByTestId('wish-phrase-sunSleeves').click();
  await expect(page.getByTestId('composer-counter')).toHaveText('7 / 140');
  await page.getByTestId('wish-post').click();
  await expect(page.getByTestId('wish-note').getByTestId('wish-text')).toHaveText('夏天要防晒袖套');
});

test.describe('what the screen cannot type, through the real host', () => {
  test.use({ stationSettings: { wishes: { maxLength: 140, perCardPerDay: 20, perGuestVisit: 2, moderation: 'immediate', passMinutes: 10 } } });

  test('hostile notes are stored as text and shown inert; a phone number shows masked; a word-list hit is held', async ({ page, station }) => {
    const socket = await openStationSocket(station.process.screenUrl);
    try {
      const pass = await wishPassOf(socket, '1234567890');
      const hostile = [
        '<img src=x onerror="window.__pwned=1">',
        '<script>window.__pwned=2</script>',
        "'); DROP TABLE wishes; --",
        '👨‍👩‍👧‍👦🇨🇳 谢谢',
        '有事打 138 1234 5678',
      ];
      for (const text of hostile) {
        expect((await socket.call('postWish', { pass, category: 'wish', text, sticker: null })).value).toMatchObject({ kind: 'posted' });
      }
      expect((await socket.call('postWish', { pass, category: 'wish', text: '刷 单 赚钱', sticker: null })).value).toMatchObject({ kind: 'held', heldFor: 'words' });
      expect((await socket.call('postWish', { pass, category: 'wish', text: 'abc\u202Etxt.exe', sticker: null })).value).toMatchObject({ kind: 'refused', reason: 'bidi' });
      expect((await socket.call('postWish', { pass, category: 'wish', text: 'a\uD800', sticker: null })).value).toMatchObject({ kind: 'refused', reason: 'encoding' });
      expect((await socket.call('postWish', { pass, category: 'wish', text: 'a\u0000b', sticker: null })).value).toMatchObject({ kind: 'refused', reason: 'control' });
    } finally {
      socket.close();
    }

    await page.reload();
    await expect(page.getByTestId('screen-attract')).toBeVisible();
    await openWallFromAttract(page);
    const texts = page.getByTestId('wish-text');
    await expect(texts).toHaveCount(5);
    await expect(texts).toHaveText([
      '有事打 138****5678',
      '👨‍👩‍👧‍👦🇨🇳 谢谢',
      "'); DROP TABLE wishes; --",
      '<script>window.__pwned=2</script>',
      '<img src=x onerror="window.__pwned=1">',
    ]);
    // Shown as text: no element was made of any note, and nothing ran.
    await expect(page.getByTestId('wish-grid').locator('img, script')).toHaveCount(0);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    await expect(page.getByText('刷 单 赚钱')).toHaveCount(0);
    await expect(page.getByText('13812345678')).toHaveCount(0);
  });
});
