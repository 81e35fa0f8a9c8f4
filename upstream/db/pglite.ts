/**
 * {@link SqlDatabase} on embedded PGlite (PostgreSQL compiled to WebAssembly), one
 * connection: its transactions run one at a time.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { SqlClient, SqlDatabase } from './sql';

function client(db: PGlite | Transaction): SqlClient {
  return {
    query: async <R>(text: string, params: readonly unknown[] = []) => (await db.query<R>(text, [...params])).rows,
    exec: async (text) => {
      await db.exec(text);
    },
    transaction: (fn) => ('transaction' in db ? db.transaction((tx) => fn(client(tx))) : fn(client(db))),
  };
}

export async function openPglite(dataDir: string | undefined): Promise<SqlDatabase> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new PGlite(dataDir);
  await db.waitReady;
  return { ...client(db), kind: 'pglite', location: dataDir ?? 'memory', close: () => db.close() };
}
