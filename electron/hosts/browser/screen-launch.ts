/**
 * The private launch file the station's own browser opens. Chromium's command line is
 * readable by every local user (`ps`), so the screen URL with its token cannot go there;
 * instead Chromium opens this owner-only file, which sends it on to the screen URL at once.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SCREEN_LAUNCH_FILE_NAME = 'screen-launch.html';

/** Characters allowed in the screen URL; anything else would need escaping in HTML. */
const SAFE_URL = /^http:\/\/127\.0\.0\.1:\d{1,5}\/#[A-Za-z0-9_=-]+$/;

/**
 * Writes `<dataDir>/screen-launch.html` (mode 0600, written whole then renamed) redirecting to
 * `screenUrl`, and returns its `file:` URL. Throws `TypeError` for a URL that is not a
 * loopback screen URL, so nothing unexpected is ever written into the page.
 */
export function writeScreenLaunchFile(dataDir: string, screenUrl: string): string {
  if (!SAFE_URL.test(screenUrl)) throw new TypeError(`not a loopback screen URL: ${screenUrl.slice(0, 80)}`);
  const path = join(dataDir, SCREEN_LAUNCH_FILE_NAME);
  const html =
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="refresh" content="0;url=${screenUrl}">` +
    '<meta name="referrer" content="no-referrer"><title>Starting</title></head>' +
    '<body style="background:#fff"></body></html>\n';
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, html, { mode: 0o600 });
  renameSync(temp, path);
  return pathToFileURL(path).href;
}
