/**
 * Keeps the station's data owner-only: card hashes, pickup-code hashes and the audit log are
 * personal information (PIPL), and any local account could otherwise copy them.
 *
 * SQLite creates `-wal` and `-shm` with the permission bits of the database file, so making
 * `station.db` 0600 before SQLite first opens it makes all three owner-only.
 */
import { chmodSync, closeSync, existsSync, fchmodSync, openSync, statSync } from 'node:fs';

/** The data directory's mode: only the station's own account may list or enter it. */
export const DATA_DIR_MODE = 0o700;
/** Mode of every database file (`station.db`, `-wal`, `-shm`). */
export const DATABASE_FILE_MODE = 0o600;

/** A data file or directory is open to other users and we may not change that. */
export class NotOwnerOnlyError extends Error {
  constructor(path: string, mode: number, cause: unknown) {
    super(
      `${path} is readable by other users (mode ${mode.toString(8)}) and this account cannot make it owner-only ` +
        `(${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Run the station as the account that owns its data directory, or fix the owner (chown) and restart.',
    );
    this.name = 'NotOwnerOnlyError';
  }
}

/**
 * Makes `path` exactly `mode` when it grants anything to group or others. Returns a line for
 * the start-up log when it changed something, null when it was already tight. Throws
 * {@link NotOwnerOnlyError} when the change is refused (another account owns it).
 */
export function tightenMode(path: string, mode: number, platform: NodeJS.Platform = process.platform): string | null {
  // POSIX bits mean nothing on Windows; the data dir's ACL (inherited from the user profile) protects it there.
  if (platform === 'win32') return null;
  const current = statSync(path).mode & 0o777;
  if ((current & 0o077) === 0) return null;
  try {
    chmodSync(path, mode);
  } catch (error) {
    throw new NotOwnerOnlyError(path, current, error);
  }
  return `${path} was open to other users (mode ${current.toString(8)}); it is now ${mode.toString(8)}.`;
}

/**
 * Creates `dbPath` owner-only if it is missing (before SQLite creates it with the umask's
 * 0644), and tightens an existing `dbPath`, `-wal` and `-shm`. Returns what it changed.
 */
export function secureDatabaseFiles(dbPath: string, platform: NodeJS.Platform = process.platform): string[] {
  if (!existsSync(dbPath)) {
    // 'a': never truncates, so a file created meanwhile by someone else is left as it is.
    const fd = openSync(dbPath, 'a', DATABASE_FILE_MODE);
    try {
      // The mode argument is filtered through the umask; set it exactly.
      if (platform !== 'win32') fchmodSync(fd, DATABASE_FILE_MODE);
    } finally {
      closeSync(fd);
    }
  }
  const changed: string[] = [];
  for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    if (!existsSync(path)) continue;
    const line = tightenMode(path, DATABASE_FILE_MODE, platform);
    if (line) changed.push(line);
  }
  return changed;
}

/** Mode of the station's config and key files (`station.json`, `devices.json`, the collector key). */
export const CONFIG_FILE_MODE = 0o600;

/**
 * Tightens each of `paths` that exists to {@link CONFIG_FILE_MODE}: the station's settings
 * name its key files and devices, and the collector key signs everything it sends. Missing
 * paths are skipped. Returns what it changed; throws {@link NotOwnerOnlyError} like
 * {@link tightenMode}.
 */
export function secureConfigFiles(paths: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  const changed: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const line = tightenMode(path, CONFIG_FILE_MODE, platform);
    if (line) changed.push(line);
  }
  return changed;
}
