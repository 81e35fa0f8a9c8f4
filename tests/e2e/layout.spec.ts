/**
 * Every screen, in both languages, at both orientations: no two visible buttons overlap and
 * no text is cut off; on the wish wall's screens no button is below the kiosk's minimum target. With SCREENSHOTS=1 (`npm run screenshots`) each screen is also saved to
 * docs/screens/<orientation>/<language>/, at half scale to keep the repository small.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect } from './fixtures';
import { layoutProblems, smallTargets } from './layout-check';
import { walkEveryScreen, type Lang } from './screen-walk';

const SHOTS = process.env.SCREENSHOTS === '1';
const DOCS = resolve(import.meta.dirname, '..', '..', 'docs', 'screens');

const ORIENTATIONS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
    test.describe(`${orientation} ${lang}`, () => {
      test.use({ viewport, deviceScaleFactor: SHOTS ? 0.5 : 1, stationSettings: { idleTimeoutSeconds: 600 } });

      test('every screen: no overlapping buttons, no text cut off', async ({ page, station }) => {
        test.setTimeout(180_000);
        const dir = join(DOCS, orientation, lang);
        if (SHOTS) mkdirSync(dir, { recursive: true });
        const problems: string[] = [];
        let n = 0;
        await walkEveryScreen(page, station, lang, async (name) => {
          n += 1;
          for (const problem of await layoutProblems(page)) problems.push(`${name}: ${problem}`);
          // The wall's screens keep every target at the kiosk's minimum.
          if (name.startsWith('wish-')) for (const problem of await smallTargets(page)) problems.push(`${name}: ${problem}`);
          if (SHOTS) await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${name}.png`), animations: 'disabled' });
        });
        expect(n).toBeGreaterThanOrEqual(20);
        expect(problems).toEqual([]);
      });
    });
  }
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(`${orientation}, card reader unplugged`, () => {
    test.use({
      viewport,
      stationFiles: {
        'devices.json': { readers: [{ id: 'door', name: 'Door reader', type: 'serial-em4100', path: '/dev/serial/by-id/not-plugged-in' }] },
      },
    });

    test('the reader banner takes no offer tile off the attract screen, in either language', async ({ page, station }) => {
      void station;
      await expect(page.getByTestId('device-banner')).toBeVisible();
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.getByTestId(`lang-${lang}`).click();
        await expect(page.locator('.offer')).toHaveCount(5);
        expect(await layoutProblems(page), lang).toEqual([]);
      }
    });
  });
}
