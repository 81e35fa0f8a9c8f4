/**
 * Opens the browser host's page in Chromium's app/kiosk mode, when a display and a Chromium
 * exist. The profile lives in its own directory so the kiosk never shares cookies, crash
 * bubbles or extensions with anyone's everyday browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

/** `/usr/bin/<name>` first, then the same names on `PATH`. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | null {
  const dirs = ['/usr/bin', ...(env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    for (const name of CHROMIUM_NAMES) {
      const candidate = join(dir, name);
      if (exists(candidate)) return candidate;
    }
  }
  return null;
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Whether a kiosk window opens, and the start-up line that says so (or why not). */
export function screenChoice(headless: boolean, display: boolean, chromium: string | null): { chromium: string | null; line: string } {
  if (headless) return { chromium: null, line: 'Screen: none (--headless); open the private screen URL in a browser' };
  if (!display) return { chromium: null, line: 'Screen: none (no display); open the private screen URL in a browser' };
  if (!chromium) return { chromium: null, line: 'Screen: none (Chromium not found: sudo apt-get install -y chromium); open the private screen URL in a browser' };
  return { chromium, line: `Screen: Chromium kiosk window (${chromium})` };
}

export function chromiumKioskArgs(url: string, userDataDir: string): string[] {
  return [
    `--app=${url}`,
    '--kiosk',
    `--user-data-dir=${userDataDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--disable-translate',
    '--disable-features=Translate',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    // Check-in tones must play before anyone has touched the screen.
    '--autoplay-policy=no-user-gesture-required',
  ];
}

export function openKioskBrowser(chromium: string, url: string, userDataDir: string): ChildProcess {
  const child = spawn(chromium, chromiumKioskArgs(url, userDataDir), { stdio: 'ignore' });
  // A browser that fails to start must not take the station service down with it.
  child.on('error', (error) => console.error(`Could not open ${chromium}: ${error.message}`));
  return child;
}
