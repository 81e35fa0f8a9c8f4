/**
 * One station process per data directory. Two services writing one `station.db` would
 * interleave visits and locker sessions and fight over the write lock (each stalls the
 * other's taps), so the second refuses to start.
 *
 * The lock is an exclusive SQLite lock on `<dataDir>/station.lock`, held by a connection
 * for the life of the service. It is an OS file lock (fcntl on POSIX, LockFileEx on
 * Windows), so the kernel drops it when the process dies, even by SIGKILL or a power cut:
 * there is never a stale lock to clean up by hand.
 *
 * Anything else of ours that needs the data (a backup, an export) must run inside the
 * service and use its connection, or SQLite's online backup API (`db.backup()`), never a
 * second writer on `station.db`.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { secureDatabaseFiles } from './owner-only';

export const DATA_DIR_LOCK_FILE_NAME = 'station.lock';

/** Another station process holds the data directory. */
export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another station process is already running on ${dataDir} (it holds ${DATA_DIR_LOCK_FILE_NAME}). ` +
        'Stop that one first, or give this one its own data directory (--data-dir or STATION_DATA_DIR).',
    );
    this.name = 'DataDirInUseError';
  }
}

/** Held for the life of the service; `release()` is idempotent. */
export interface DataDirLock {
  release(): void;
}

/** Takes the data directory's lock, or throws {@link DataDirInUseError} at once (no waiting). */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, DATA_DIR_LOCK_FILE_NAME);
  secureDatabaseFiles(path);
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 0');
    // In EXCLUSIVE locking mode the lock taken by the first write is kept until close.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, since_ms INTEGER NOT NULL)');
    db.prepare('INSERT OR REPLACE INTO holder (id, pid, since_ms) VALUES (1, ?, ?)').run(process.pid, Date.now());
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DataDirInUseError(dataDir);
    throw error;
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      db.close();
    },
  };
}
