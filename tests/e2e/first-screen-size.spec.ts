/**
 * Budget guard: the JS the built page loads before its first screen (index.html's scripts and
 * modulepreloads, each gzipped on its own, as `npm run bench` counts it) stays within 120 KB.
 * Runs on the build the e2e suite tests (`vite build` comes first in `npm test`).
 */
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIRST_SCREEN_BUDGET_KB, pageJs } from '../bench/bundle-size';

const DIST = resolve(import.meta.dirname, '..', '..', 'dist', 'renderer');

test('the first screen loads at most 120 KB of JS (gzip), later screens and languages apart', () => {
  const js = pageJs(DIST);
  const kb = js.gzipKb(js.initial);
  expect(js.initial.length, js.initial.join(', ')).toBeGreaterThan(0);
  expect(kb, `first screen: ${kb.toFixed(1)} KB gzip in ${js.initial.join(', ')}`).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_KB);
  // What makes the budget hold: the console, the wall, English and the console's contract
  // sections are chunks of their own, not in the files loaded up front.
  for (const later of ['ConsoleScreen-', 'WishWallScreen-', 'en-', 'console.zh-CN-', 'wall.zh-CN-', 'steward-']) {
    expect(js.later.some((f) => f.startsWith(`assets/${later}`)), later).toBe(true);
    expect(js.initial.some((f) => f.startsWith(`assets/${later}`)), later).toBe(false);
  }
});
