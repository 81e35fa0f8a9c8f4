/**
 * For the collector's suite, which runs once per database: proves a test file really ran on
 * the database its Vitest project names (PGlite in `unit`, the run's PostgreSQL server in
 * `collector-postgres`), so a suite that silently fell back to PGlite cannot pass as a
 * PostgreSQL run.
 */
import { expect, inject } from 'vitest';
import type { SqlDatabase } from '../../upstream/db/sql';

export async function expectProjectDatabase(db: SqlDatabase): Promise<void> {
  const server = inject('collectorPostgresUrl');
  expect(db.kind).toBe(server ? 'postgres' : 'pglite');
  if (server) {
    const [row] = await db.query<{ port: string }>("SELECT current_setting('port') AS port");
    expect(row?.port).toBe(new URL(server).port);
  }
}
