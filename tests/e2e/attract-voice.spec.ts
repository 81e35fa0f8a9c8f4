/**
 * Issue 8, item 8: the attract screen's prompt is a sign pointing at the configured reader
 * position (not a button), its motion stops under reduced motion, and the main moments are
 * spoken from clip files fetched when first needed, in the worker's language, unless muted.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Voice clips the page asked for, as `<locale>/<clip>`, in order. */
function recordVoice(page: Page): string[] {
  const clips: string[] = [];
  page.on('request', (request) => {
    const match = /\/voice\/([^/]+\/[^/]+)\.ogg$/.exec(new URL(request.url()).pathname);
    if (match?.[1]) clips.push(match[1]);
  });
  return clips;
}

const ARROW_STYLE = `(() => {
  const prompt = document.querySelector('[data-testid="tap-prompt"]');
  const arrow = document.querySelector('[data-testid="reader-arrow"] svg');
  const title = document.querySelector('.tap-title');
  const cs = getComputedStyle(prompt);
  const a = arrow.getBoundingClientRect();
  const t = title.getBoundingClientRect();
  const turn = getComputedStyle(prompt).getPropertyValue('--arrow-turn').trim();
  return {
    tag: prompt.tagName,
    role: prompt.getAttribute('role'),
    background: cs.backgroundColor,
    borderWidth: cs.borderTopWidth,
    turn,
    arrowLeftOfTitleCentre: a.left + a.width / 2 < t.left + t.width / 2,
    arrowBelowTitle: a.top >= t.bottom,
    // Its nudge plays in bursts (running or between them, finished), never when motion is reduced.
    moves: arrow.getAnimations().length,
  };
})()`;

test.describe('reader below and to the left', () => {
  test.use({ stationSettings: { readerPosition: 'below-left' } });

  test('the prompt is a sign, not a button, and its arrow points down-left with motion', async ({ page, station }) => {
    void station;
    await expect(page.getByTestId('tap-prompt')).toContainText('读卡器在屏幕左下方');
    const style = await page.evaluate(ARROW_STYLE);
    expect(style).toMatchObject({
      tag: 'DIV',
      role: null,
      background: 'rgba(0, 0, 0, 0)',
      borderWidth: '0px',
      turn: '45deg',
      arrowLeftOfTitleCentre: true,
      arrowBelowTitle: true,
      moves: 1,
    });
    await expect(page.locator('[data-testid="tap-prompt"] button, button[data-testid="tap-prompt"]')).toHaveCount(0);
  });

  test('with reduced motion the arrow still points but does not move', async ({ page, station }) => {
    void station;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(page.getByTestId('reader-arrow')).toBeVisible();
    expect(await page.evaluate(ARROW_STYLE)).toMatchObject({ turn: '45deg', moves: 0 });
  });
});

test('spoken prompts: touching the sign, a tap, the opened locker, each in the language on screen', async ({ page, station }) => {
  const clips = recordVoice(page);
  await page.getByTestId('tap-prompt').click();
  await expect.poll(() => clips).toEqual(['zh-CN/tap-card']);
  await station.tap('0040856634');
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await expect.poll(() => clips).toContain('zh-CN/welcome');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('category-skip').click();
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-usb-c').click();
  await expect(page.getByTestId('locker-number')).toHaveText('1');
  // "Locker" "one" "is open", clip after clip.
  await expect.poll(() => clips.slice(-3)).toEqual(['en/locker', 'en/n1', 'en/is-open']);
});

test('the person at the kiosk turns the voice off; it stays off for them and is on again for the next person', async ({ page, station }) => {
  const clips = recordVoice(page);
  await station.tap('0040856634');
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await expect.poll(() => clips).toEqual(['zh-CN/welcome']);
  await expect(page.getByTestId('voice-toggle')).toHaveText('语音提示：开');
  await page.getByTestId('voice-toggle').click();
  await expect(page.getByTestId('voice-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('voice-toggle')).toHaveText('语音提示：关');
  await page.getByTestId('category-skip').click();
  await page.getByTestId('charge-button').click();
  await page.getByTestId('cable-usb-c').click();
  await expect(page.getByTestId('locker-number')).toHaveText('1');
  await page.getByTestId('done-button').click();
  await expect(page.getByTestId('screen-attract')).toBeVisible();
  // Nothing was said while muted; the next person hears the prompt again.
  expect(clips).toEqual(['zh-CN/welcome']);
  await expect(page.getByTestId('voice-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('tap-prompt').click();
  await expect.poll(() => clips).toEqual(['zh-CN/welcome', 'zh-CN/tap-card']);
});

test.describe('muted', () => {
  test.use({ stationSettings: { spokenPrompts: false } });

  test('spokenPrompts false: no clip is ever fetched', async ({ page, station }) => {
    const clips = recordVoice(page);
    await page.getByTestId('tap-prompt').click();
    await station.tap('0040856634');
    await expect(page.getByTestId('screen-welcome')).toBeVisible();
    await page.getByTestId('category-skip').click();
    await page.getByTestId('charge-button').click();
    await page.getByTestId('cable-usb-c').click();
    await expect(page.getByTestId('locker-number')).toHaveText('1');
    // A clip is requested the moment a prompt starts; by the time the next screen has been
    // drawn and answered a tap, any would have been seen.
    await page.getByTestId('done-button').click();
    await expect(page.getByTestId('screen-attract')).toBeVisible();
    expect(clips).toEqual([]);
    // Nothing to turn off: the station has no voice.
    await expect(page.getByTestId('voice-toggle')).toHaveCount(0);
  });
});
