/**
 * Restores station.db from a backup while the station is stopped. The data-dir lock is
 * taken first, so a running service makes the restore refuse (DataDirInUseError) rather
 * than swap the file under it. The database being replaced is moved aside, not deleted.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../storage/migrations';
import { lockDataDir } from '../storage/data-dir-lock';
import { stationDatabasePath } from '../storage/database';
import { DATA_DIR_MODE, secureDatabaseFiles } from '../storage/owner-only';
import { checkBackup, fsyncFile, resolveBackup } from './backup';

export interface RestoreOutcome {
  readonly restoredFrom: string;
  /** Folder holding the replaced station.db (and its -wal, -shm); null when there was none. */
  readonly previousSavedIn: string | null;
}

/**
 * Replaces `<dataDir>/station.db` by the backup `nameOrPath` (a name in `backups/` or a
 * path), after checking it. Throws with what to do when the backup is bad or newer than this
 * build, or the station is running; nothing is changed then.
 */
export function restoreBackup(dataDir: string, nameOrPath: string, atMs: number): RestoreOutcome {
  const source = resolveBackup(dataDir, nameOrPath);
  const check = checkBackup(source);
  if (!check.ok) throw new Error(`${source} cannot be restored: ${check.problem}. Choose another backup (npm run station -- backup --list).`);
  if (check.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new Error(`${source} has schema version ${check.schemaVersion}; this release knows up to ${LATEST_SCHEMA_VERSION}. Install the release that wrote it.`);
  }
  const lock = lockDataDir(dataDir);
  try {
    const target = stationDatabasePath(dataDir);
    const incoming = `${target}.restoring`;
    secureDatabaseFiles(incoming);
    copyFileSync(source, incoming);
    fsyncFile(incoming);
    let previousSavedIn: string | null = null;
    const present = ['', '-wal', '-shm'].filter((suffix) => existsSync(target + suffix));
    if (present.length > 0) {
      previousSavedIn = join(dataDir, `before-restore-${new Date(atMs).toISOString().replace(/[-:.]/g, '')}`);
      mkdirSync(previousSavedIn, { mode: DATA_DIR_MODE });
      // The three move together: a -wal left beside the restored file would be replayed into it.
      for (const suffix of present) renameSync(target + suffix, join(previousSavedIn, `station.db${suffix}`));
    }
    renameSync(incoming, target);
    fsyncFile(dataDir);
    return { restoredFrom: source, previousSavedIn };
  } finally {
    lock.release();
  }
}
