/**
 * The wish-wall composer in Chromium, on its own test page (tests/composer-page) served by
 * the real browser host with the real station service behind it: keys, candidates, caret,
 * the wedge capture while composing, and handwriting through the real zinnia recogniser.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const REPO = resolve(import.meta.dirname, '..', '..');

interface Station {
  readonly url: string;
  readonly child: ChildProcess;
}

/** The test page's server (tests/composer-page/serve.ts) in its own process. */
async function startStation(args: string[] = []): Promise<Station> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests', 'composer-page', 'serve.ts'), ...args], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`composer page server not ready:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /Composer page: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`composer page server exited ${code}:\n${output}`));
    });
  });
  return { url, child };
}

async function stopStation(station: Station): Promise<void> {
  if (station.child.exitCode !== null) return;
  const exited = new Promise<void>((r) => station.child.once('exit', () => r()));
  station.child.kill('SIGTERM');
  await exited;
}

let station: Station;

test.beforeAll(async () => {
  // The page is built here from its own config: the kiosk's build never contains it.
  const build = spawnSync(process.execPath, [join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'tests/composer-page/vite.config.ts'], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`composer test page build failed:\n${build.stdout}${build.stderr}`);
  station = await startStation();
});

test.afterAll(async () => {
  await stopStation(station);
});

async function openComposer(page: Page, query = ''): Promise<void> {
  await page.goto(station.url.replace('/#', `/${query}#`));
  await expect(page.getByTestId('text-composer')).toBeVisible();
}

const key = (page: Page, button: string) => page.locator(`.touch-keyboard [data-skbtn="${button}"]`);

async function typeKeys(page: Page, letters: string): Promise<void> {
  for (const ch of letters) await key(page, ch).click();
}

const value = (page: Page) => page.getByTestId('composer-value');
const candidates = (page: Page) => page.getByTestId('candidate');

test('pinyin on the on-screen keys: xiexie gives 谢谢 first, choosing it writes it and counts it', async ({ page }) => {
  await openComposer(page);
  await typeKeys(page, 'xiexie');
  await expect(page.getByTestId('composer-composition')).toHaveText('xiexie');
  await expect(candidates(page).first()).toHaveText('谢谢');
  // The word list came from its worker (parsed off the page's thread), not in a page chunk.
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(fetched.filter((name) => /\/dictionary-worker-[\w-]+\.js$/.test(name))).toHaveLength(1);
  await candidates(page).first().click();
  await expect(value(page)).toHaveText('谢谢');
  await expect(page.getByTestId('composer-counter')).toHaveText('2 / 140');
  await expect(page.getByTestId('composer-composition')).toHaveCount(0);
  // Phrases and initials.
  await typeKeys(page, 'woxiangyao');
  await expect(candidates(page).first()).toHaveText('我想要');
  await key(page, '{space}').click();
  await expect(value(page)).toHaveText('谢谢我想要');
  await typeKeys(page, 'nh');
  await expect(candidates(page).first()).toHaveText('你好');
});

test('switching to English with pinyin pending writes the first candidate, as Space would', async ({ page }) => {
  await openComposer(page);
  await typeKeys(page, 'xiexie');
  await expect(candidates(page).first()).toHaveText('谢谢');
  await page.getByTestId('composer-mode-english').click();
  await expect(value(page)).toHaveText('谢谢');
  await expect(page.getByTestId('composer-composition')).toHaveCount(0);
  await expect(page.getByTestId('text-composer')).toHaveAttribute('data-mode', 'english');
  // The English keys then type letters after it, and back in pinyin nothing is pending.
  await typeKeys(page, 'ok');
  await expect(value(page)).toHaveText('谢谢ok');
  await page.getByTestId('composer-mode-pinyin').click();
  await expect(value(page)).toHaveText('谢谢ok');
  await expect(page.getByTestId('composer-counter')).toHaveText('4 / 140');
});

test('candidates page in large buttons, eight at a time', async ({ page }) => {
  await openComposer(page);
  await typeKeys(page, 'shi');
  await expect(candidates(page)).toHaveCount(8);
  const first = await candidates(page).allTextContents();
  expect(first[0]).toBe('是');
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByTestId('candidate-bar')).toHaveAttribute('data-page', '1');
  const second = await candidates(page).allTextContents();
  expect(second).toHaveLength(8);
  expect(second.filter((c) => first.includes(c))).toEqual([]);
  await candidates(page).nth(2).click();
  await expect(value(page)).toHaveText(second[2] ?? 'missing');
});

test('the caret stays where it was tapped, and nothing on the page is an editable field', async ({ page }) => {
  await openComposer(page);
  await page.getByTestId('composer-mode-english').click();
  await typeKeys(page, 'abcd');
  await expect(value(page)).toHaveText('abcd');
  // Tap the left half of "c": the caret goes between b and c.
  const c = page.locator('.composer-char[data-i="2"]');
  const box = await c.boundingBox();
  if (!box) throw new Error('no box for the third character');
  await page.mouse.click(box.x + box.width * 0.2, box.y + box.height / 2);
  await expect(page.getByTestId('composer-text')).toHaveAttribute('data-caret', '2');
  await key(page, 'x').click();
  await key(page, 'y').click();
  await expect(value(page)).toHaveText('abxycd');
  await expect(page.getByTestId('composer-text')).toHaveAttribute('data-caret', '4');
  await key(page, '{bksp}').click();
  await expect(value(page)).toHaveText('abxcd');
  // No element that would call up the operating system's keyboard, and focus never moved.
  expect(await page.locator('input, textarea, select, [contenteditable]:not([contenteditable="false"])').count()).toBe(0);
  await expect(page.locator(':focus')).toHaveCount(0);
});

test('the length limit holds and the counter shows it', async ({ page }) => {
  await openComposer(page, '?max=3');
  await page.getByTestId('composer-mode-english').click();
  await typeKeys(page, 'abcde');
  await expect(value(page)).toHaveText('abc');
  await expect(page.getByTestId('composer-counter')).toHaveText('3 / 3');
});

test('a card reader typing while someone composes is a card tap, not text', async ({ page }) => {
  await openComposer(page);
  await typeKeys(page, 'ni');
  // See check-in.spec.ts: on a loaded machine a burst may stall past the gap; tap again then.
  await expect(async () => {
    await page.keyboard.type('0040856634');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('card-reads')).toContainText('0040856634:welcome', { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(value(page)).toHaveText('');
  await expect(page.getByTestId('composer-composition')).toHaveText('ni');
});

test('handwriting: strokes on the pad come back from the real recogniser as candidates', async ({ page }) => {
  await openComposer(page);
  await page.getByTestId('composer-mode-handwriting').click();
  const pad = page.getByTestId('handwriting-canvas');
  const box = await pad.boundingBox();
  if (!box) throw new Error('no pad');
  // One horizontal stroke across the middle: 一.
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.5);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(box.x + box.width * (0.15 + 0.07 * i), box.y + box.height * 0.5);
  await page.mouse.up();
  await expect(pad).toHaveAttribute('data-strokes', '1');
  await expect(candidates(page).first()).toHaveText('一');
  await candidates(page).first().click();
  await expect(value(page)).toHaveText('一');
  await expect(pad).toHaveAttribute('data-strokes', '0');
});

test('without a recogniser the handwriting key is hidden and the reason shown', async ({ page }) => {
  const bare = await startStation(['--zinnia', '/nonexistent/zinnia']);
  try {
    await page.goto(bare.url);
    await expect(page.getByTestId('handwriting-unavailable')).toHaveAttribute('data-reason', 'recogniser-missing');
    await expect(page.getByTestId('handwriting-unavailable')).toContainText('没有安装手写识别程序');
    await expect(page.getByTestId('composer-mode-handwriting')).toHaveCount(0);
    await expect(page.getByTestId('composer-mode-pinyin')).toBeVisible();
  } finally {
    await stopStation(bare);
  }
});
