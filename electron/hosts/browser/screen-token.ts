/**
 * The screen token: the station's secret for its own screen in the browser host. It lives in
 * an owner-only file in the data directory, so a restarted service keeps it and the open page
 * resumes by itself; it is renewed once per machine boot (and on demand), so a token that
 * leaked once does not work forever. It reaches the page only through the private launch file
 * or the station's own console, never through a request anyone can make.
 */
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBootToken } from './boot-token';

export const SCREEN_TOKEN_FILE_NAME = 'screen-token.json';

const BOOT_ID_PATH = '/proc/sys/kernel/random/boot_id';

export interface ScreenTokenOptions {
  /**
   * Identifies this boot of the machine; a token saved under another boot is replaced.
   * Default: Linux's `/proc/sys/kernel/random/boot_id`, or `null` where there is none (the
   * token is then kept until renewed on demand).
   */
  readonly bootId?: string | null;
  /** Make a new token even when the saved one is still valid (e.g. it was shown to someone). */
  readonly renew?: boolean;
}

/**
 * The token for this boot: the saved one when it belongs to this boot, else a fresh one saved
 * (mode 0600, written whole then renamed). An unreadable or malformed file is replaced.
 */
export function loadScreenToken(dataDir: string, options: ScreenTokenOptions = {}): string {
  const path = join(dataDir, SCREEN_TOKEN_FILE_NAME);
  const bootId = options.bootId === undefined ? readBootId() : options.bootId;
  if (!options.renew) {
    const saved = readSaved(path);
    if (saved && saved.bootId === bootId) {
      // A copy restored from a backup may have lost its mode; the token must stay private.
      if (process.platform !== 'win32') chmodSync(path, 0o600);
      return saved.token;
    }
  }
  const token = createBootToken();
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ token, bootId })}\n`, { mode: 0o600 });
  renameSync(temp, path);
  return token;
}

function readSaved(path: string): { token: string; bootId: string | null } | null {
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof json !== 'object' || json === null) return null;
    const { token, bootId } = json as { token?: unknown; bootId?: unknown };
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    if (bootId !== null && typeof bootId !== 'string') return null;
    return { token, bootId };
  } catch {
    return null;
  }
}

function readBootId(): string | null {
  try {
    return readFileSync(BOOT_ID_PATH, 'utf8').trim() || null;
  } catch {
    return null;
  }
}
