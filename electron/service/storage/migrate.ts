/**
 * Migration runner: applies all pending migrations in one transaction, bumping
 * `PRAGMA user_version` inside it, so a crash leaves the database at the version it had or at
 * the latest one, never half-way. One transaction rather than one per migration: with
 * `synchronous=FULL` each commit is an fsync, and a new station's first start would otherwise
 * pay one per migration (measured 160–350 ms for 13 on this machine's disk).
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration';

/** The database was written by a newer build; opening it could corrupt data that build relies on. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly knownVersion: number,
    path: string,
  ) {
    super(
      `${path} has schema version ${fileVersion}, but this station software only knows versions up to ${knownVersion}. ` +
        'It was written by a newer release: install that release (or a later one) instead of downgrading. The file was left unchanged.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws when the file is newer than `migrations` know. Reads only. */
export function assertSchemaNotNewer(db: Database, migrations: readonly Migration[], path: string): void {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new SchemaTooNewError(current, migrations.length, path);
}

/**
 * Applies every migration whose version is above the file's `user_version`, all in one
 * transaction: if any of them throws, none of them is kept and the version stays at `from`.
 * When the file is already current nothing is written.
 * @returns the versions before and after.
 */
export function runMigrations(db: Database, migrations: readonly Migration[], path: string): { from: number; to: number } {
  migrations.forEach((m, i) => {
    // A gap or reorder is a programming error that would skip schema steps on some kiosks.
    if (m.version !== i + 1) throw new Error(`Migration #${i + 1} declares version ${m.version}; versions must be 1, 2, 3… in order`);
  });
  assertSchemaNotNewer(db, migrations, path);
  const from = schemaVersion(db);
  const pending = migrations.slice(from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      // user_version lives in the file header, which is written as part of this transaction.
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to: schemaVersion(db) };
}
