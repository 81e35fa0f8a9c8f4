/**
 * Applies the numbered SQL files in `migrations/` (`0001-name.sql`, …) that the database has
 * not seen, each in its own transaction with its row in `schema_migrations`. An advisory lock
 * lets several collector processes start on one server at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlClient } from './sql';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_ID = 7_412_001;

export interface SqlMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The shipped migrations, in order; throws on a gap or a badly named file. */
export function loadMigrations(dir = MIGRATIONS_DIR): SqlMigration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return files.map((name, i) => {
    const version = Number(/^(\d{4})-[a-z0-9-]+\.sql$/.exec(name)?.[1]);
    if (version !== i + 1) throw new Error(`${dir}${name}: expected migration ${String(i + 1).padStart(4, '0')}-….sql`);
    return { version, name, sql: readFileSync(`${dir}${name}`, 'utf8') };
  });
}

/** Brings the schema up to date; returns the versions before and after. Refuses a newer database. */
export async function migrate(db: SqlClient, migrations = loadMigrations()): Promise<{ from: number; to: number }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const [row] = await tx.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations');
    const from = row?.v ?? 0;
    if (from > migrations.length) {
      throw new Error(`The database has collector schema ${from}; this collector knows up to ${migrations.length}. Run the newer collector.`);
    }
    for (const m of migrations.slice(from)) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return { from, to: migrations.length };
  });
}
