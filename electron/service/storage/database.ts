/**
 * Opens the station's SQLite database with the settings its durability promise rests on,
 * and brings its schema up to date.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUSY_TIMEOUT_MS } from './busy-retry';
import { assertSchemaNotNewer, runMigrations } from './migrate';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations';
import { DATA_DIR_MODE, secureDatabaseFiles, tightenMode } from './owner-only';

export { SchemaTooNewError } from './migrate';
export { NotOwnerOnlyError } from './owner-only';

export const DATABASE_FILE_NAME = 'station.db';

export { BUSY_TIMEOUT_MS } from './busy-retry';

export interface OpenDatabaseOptions {
  readonly dataDir: string;
  /** Schema steps to apply; default the shipped ones. Tests pass their own lists. */
  readonly migrations?: readonly Migration[];
  /** Permissions found open and tightened, for the start-up log. Default: dropped. */
  readonly onWarning?: (message: string) => void;
}

export function stationDatabasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

/**
 * Opens (creating if needed) `<dataDir>/station.db`:
 * - `journal_mode=WAL`, so readers never block the writer;
 * - `synchronous=FULL`: every commit is fsynced before it returns, so a visit whose outcome
 *   was returned survives a power cut (power cuts are routine at stations);
 * - `busy_timeout` short (10 ms: it blocks the event loop; callers retry asynchronously, see
 *   busy-retry.ts) and `foreign_keys=ON`;
 * - the data directory 0700 and `station.db`, `-wal`, `-shm` 0600, created so and tightened
 *   when found open ({@link NotOwnerOnlyError} when another account owns them).
 *
 * This connection is the only writer: the service holds the data-dir lock (data-dir-lock.ts),
 * and anything else (backup, export) must go through it or SQLite's backup API.
 *
 * Throws {@link SchemaTooNewError} (before changing anything in the file) when the file was
 * written by a newer build; the connection is closed in that case.
 */
export function openStationDatabase(options: OpenDatabaseOptions): Database.Database {
  const migrations = options.migrations ?? MIGRATIONS;
  mkdirSync(options.dataDir, { recursive: true, mode: DATA_DIR_MODE });
  const path = stationDatabasePath(options.dataDir);
  const tightened = [tightenMode(options.dataDir, DATA_DIR_MODE), ...secureDatabaseFiles(path)];
  for (const line of tightened) if (line) options.onWarning?.(line);
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Checked before switching to WAL: a too-new file must be left exactly as it was.
    assertSchemaNotNewer(db, migrations, path);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`${path}: could not switch to WAL journal mode (got ${String(mode)})`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrations, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
