import type { Database } from 'better-sqlite3';

/**
 * One schema step. `version` is the `PRAGMA user_version` the database has after `up` ran;
 * versions are 1, 2, 3… with no gaps. `up` runs inside a transaction opened by the runner,
 * so it must not open its own or change pragmas that cannot run in one (journal_mode).
 */
export interface Migration {
  readonly version: number;
  up(db: Database): void;
}
