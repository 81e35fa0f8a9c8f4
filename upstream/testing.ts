/**
 * Helpers for tests and the bench: a collector on PGlite (in memory unless a folder is
 * given) listening on 127.0.0.1, and signed requests.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { signRequest } from '../electron/service/upstream/signing';
import { migrate } from './db/migrate';
import { openSqlDatabase, type SqlDatabase } from './db/sql';
import { buildCollector, type CollectorOptions } from './server';
import { createCollectorStore, type CollectorStore } from './store';

export interface RunningCollector {
  readonly app: FastifyInstance;
  readonly store: CollectorStore;
  /** Origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Opens (and migrates) a fresh database: PGlite, in memory when `dataDir` is undefined; or,
 * when `COLLECTOR_TEST_DATABASE_URL` names a PostgreSQL server, a new database created on it
 * (so the same suite runs on both).
 */
export async function openTestDatabase(dataDir?: string): Promise<SqlDatabase> {
  const server = process.env.COLLECTOR_TEST_DATABASE_URL;
  let databaseUrl: string | undefined;
  if (server) {
    const admin = await openSqlDatabase({ databaseUrl: server, poolSize: 1 });
    const name = `collector_test_${randomBytes(6).toString('hex')}`;
    await admin.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = new URL(server);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const db = await openSqlDatabase({ dataDir, databaseUrl });
  await migrate(db);
  return db;
}

/** Starts a collector on `db`; closing it leaves the database open. */
export async function startCollector(
  db: SqlDatabase,
  options: Omit<CollectorOptions, 'store'> & { port?: number; configure?: (app: FastifyInstance) => void } = {},
): Promise<RunningCollector> {
  const store = createCollectorStore(db);
  const app = await buildCollector({ pruneEveryMs: 0, ...options, store });
  options.configure?.(app);
  const url = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return { app, store, url, close: () => app.close() };
}

/** Headers of a correctly signed `POST /v1/batches`, with overrides for the refusal tests. */
export function signedHeaders(
  key: Buffer,
  stationId: string,
  body: string | Buffer,
  options: { createdSeconds?: number; nonce?: string; path?: string } = {},
): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...signRequest({
      key,
      stationId,
      method: 'POST',
      path: options.path ?? '/v1/batches',
      body,
      createdSeconds: options.createdSeconds ?? Math.floor(Date.now() / 1000),
      nonce: options.nonce,
    }),
  };
}

/** Headers of a correctly signed `GET` (digest of the empty body), for the pull tests. */
export function signedGetHeaders(key: Buffer, stationId: string, path: string, options: { createdSeconds?: number; nonce?: string } = {}): Record<string, string> {
  return signRequest({ key, stationId, method: 'GET', path, body: '', createdSeconds: options.createdSeconds ?? Math.floor(Date.now() / 1000), nonce: options.nonce });
}
