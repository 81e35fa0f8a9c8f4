/**
 * The station key: 32 random bytes that turn card numbers into keyed hashes (HMAC-SHA256).
 * Card numbers are personal information (PIPL); only their hashes are stored, and without
 * this key the hashes cannot be matched back to cards. Losing the key means every card
 * counts as new, so the file is never silently replaced.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fchmodSync, fsyncSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const STATION_KEY_FILE_NAME = 'station.key';
export const STATION_KEY_BYTES = 32;

export interface StationKey {
  readonly key: Buffer;
  /** Problems found and fixed (e.g. permissions), for the start-up log. */
  readonly warnings: readonly string[];
}

/**
 * Reads `<dataDir>/station.key`, creating it on first run (mode 0600, written to a temp
 * file, fsynced, then linked into place so a power cut never leaves a half-written key).
 * A key readable by group or others is made owner-only again, with a warning. Throws when
 * the file exists but is not exactly 32 bytes: regenerating it would orphan every card.
 */
export function loadStationKey(dataDir: string, platform: NodeJS.Platform = process.platform): StationKey {
  const path = join(dataDir, STATION_KEY_FILE_NAME);
  const warnings: string[] = [];
  if (!exists(path)) createKeyFile(path);
  // POSIX permission bits mean nothing on Windows; the data dir's ACL protects it there.
  if (platform !== 'win32') {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      chmodSync(path, 0o600);
      warnings.push(`${path} was readable by other users (mode ${mode.toString(8)}); it is now owner-only (600).`);
    }
  }
  const key = readFileSync(path);
  if (key.length !== STATION_KEY_BYTES) {
    throw new Error(
      `${path} holds ${key.length} bytes, not ${STATION_KEY_BYTES}. Restore it from backup; ` +
        'deleting it makes a new key, and then every card already seen counts as a new card.',
    );
  }
  return { key, warnings };
}

/** Keyed hash of a canonical card id, lower-case hex (64 characters). */
export function hashCardId(key: Buffer, canonical: string): string {
  return createHmac('sha256', key).update(canonical, 'utf8').digest('hex');
}

function createKeyFile(path: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    // The mode argument only applies to a new file; a temp file left by a crash keeps its own.
    fchmodSync(fd, 0o600);
    writeSync(fd, randomBytes(STATION_KEY_BYTES));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // link fails if another process created the key meanwhile; theirs wins and ours is dropped.
    linkSync(temp, path);
    fsyncDir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
}

function fsyncDir(path: string): void {
  try {
    const fd = openSync(join(path, '..'), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be opened for fsync on Windows; the link is still in place.
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
