/**
 * What a card tap's first frame holds, and what work the page queues before it. The greeting
 * is drawn by one React commit, countdown included; nothing else re-renders the kiosk before
 * the frame; and the attract screen moves in short bursts, holding still (no frames to make)
 * in between, so a tap rarely finds the page busy with animation frames. Real
 * service, real simulated reader (bytes over a pty), real Chromium.
 */
import { test, expect } from './fixtures';

/** MOTION_BURST_PERIOD_MS of renderer/app/use-motion-bursts.ts (a DOM module this program cannot type). */
const MOTION_BURST_PERIOD_MS = 8000;

/**
 * Injected before the page's scripts: counts the DOM mutation batches (one per React commit
 * that changed the page) from the batch that brought the welcome screen until the next
 * animation frame, and keeps what the countdown showed in that first batch.
 */
const FIRST_FRAME_PROBE = `(() => {
  window.__firstFrame = null;
  const observer = new MutationObserver(() => {
    const seen = window.__firstFrame;
    if (seen && !seen.framed) { seen.batches += 1; return; }
    if (seen || !document.querySelector('[data-testid="screen-welcome"]')) return;
    const countdown = document.querySelector('[data-testid="personal-countdown"]');
    const entry = { batches: 1, framed: false, countdown: countdown ? countdown.getAttribute('data-seconds') : null };
    window.__firstFrame = entry;
    requestAnimationFrame(() => { entry.framed = true; });
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true }));
})();`;

test.describe('a tap\'s first frame', () => {
  test.use({ stationSettings: { personalScreenSeconds: 12, duplicateWindowMinutes: 0 } });

  test('the welcome screen comes with its countdown in the one commit before the frame', async ({ page, station }) => {
    await page.addInitScript(FIRST_FRAME_PROBE);
    await page.reload();
    await expect(page.getByTestId('screen-attract')).toBeVisible();
    await station.tap('1234567890');
    await expect(page.getByTestId('screen-welcome')).toBeVisible();
    await expect.poll(() => page.evaluate('window.__firstFrame !== null && window.__firstFrame.framed')).toBe(true);
    const seen = (await page.evaluate('window.__firstFrame')) as { batches: number; countdown: string | null };
    expect(seen).toEqual({ batches: 1, framed: true, countdown: '12' });
    await expect(page.getByTestId('personal-countdown')).toHaveAttribute('data-seconds', /^(12|11|10)$/);
  });
});

/** The names of the page's running animations, sorted, comma-separated. */
const RUNNING = `document.getAnimations().filter((a) => a.playState === 'running').map((a) => a.animationName).sort().join(',')`;

test('the attract screen\'s tap prompt moves in bursts and holds still between them', async ({ page, station }) => {
  void station;
  // A burst plays on arrival, then everything holds still: no animation left running.
  await expect.poll(() => page.evaluate(RUNNING), { timeout: MOTION_BURST_PERIOD_MS, intervals: [50] }).toBe('');
  const stillAt = Date.now();
  // The next burst plays the same three animations again, within one period.
  await expect.poll(() => page.evaluate(RUNNING), { timeout: MOTION_BURST_PERIOD_MS + 2000, intervals: [50] }).toBe('reader-nudge,tap-card,tap-waves');
  expect(Date.now() - stillAt).toBeGreaterThan(1000);
});
