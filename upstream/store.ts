/**
 * The collector's storage operations. A batch is stored in one statement with its nonce:
 * a replayed nonce changes nothing, and items already stored (same key) are left as they are
 * and answered as duplicates. Inserts are set-based (one statement per batch).
 */
import { randomBytes } from 'node:crypto';
import type { UpstreamItem } from '../common/upstream-wire';
import type { SqlClient } from './db/sql';

export interface StoreBatchInput {
  readonly stationId: string;
  readonly nonce: string;
  /** The request's signed `created`, unix seconds. */
  readonly createdSeconds: number;
  readonly schemaVersion: number;
  /** Valid items, each key once. */
  readonly items: readonly UpstreamItem[];
}

export interface CollectorStore {
  /** The station's key, or undefined for an unknown station. */
  stationKey(stationId: string): Promise<Buffer | undefined>;
  /** Registers a station with a fresh random key; throws if the id is taken. */
  addStation(stationId: string): Promise<Buffer>;
  /** `replayed` when the nonce was seen; else the keys that were new (the rest were duplicates). */
  storeBatch(input: StoreBatchInput): Promise<'replayed' | { inserted: Set<string> }>;
  /** Deletes nonces whose request time is older than `olderThanSeconds` unix seconds. */
  pruneNonces(olderThanSeconds: number): Promise<number>;
  /** Records a request's nonce (a signed GET's); false when it was seen before. */
  useNonce(stationId: string, nonce: string, createdSeconds: number): Promise<boolean>;
  /** The database, for the pulled configuration (`pull-store.ts`). */
  readonly db: SqlClient;
}

/** How long a station's key is kept in memory, ms: a key changed in the database by another process applies after this. */
export const KEY_CACHE_MS = 60_000;

export function createCollectorStore(db: SqlClient, now: () => number = Date.now): CollectorStore {
  // Known stations only: an unknown id is looked up every time, so a station just added works at once.
  const keys = new Map<string, { key: Buffer; atMs: number }>();
  return {
    db,
    async useNonce(stationId, nonce, createdSeconds) {
      const rows = await db.query(
        'INSERT INTO request_nonces (station_id, nonce, created_at) VALUES ($1, $2, to_timestamp($3)) ON CONFLICT DO NOTHING RETURNING 1',
        [stationId, nonce, createdSeconds],
      );
      return rows.length === 1;
    },
    async stationKey(stationId) {
      const cached = keys.get(stationId);
      if (cached && now() - cached.atMs < KEY_CACHE_MS) return cached.key;
      const [row] = await db.query<{ key: Uint8Array }>('SELECT key FROM stations WHERE id = $1', [stationId]);
      if (!row) return undefined;
      if (keys.size > 100_000) keys.clear();
      const key = Buffer.from(row.key);
      keys.set(stationId, { key, atMs: now() });
      return key;
    },
    async addStation(stationId) {
      const key = randomBytes(32);
      await db.query('INSERT INTO stations (id, key) VALUES ($1, $2)', [stationId, key]);
      return key;
    },
    async storeBatch(input) {
      const rows = input.items.map((item, n) => ({ n, key: item.key, kind: item.kind, produced_ms: item.producedAtMs, payload: item.payload }));
      // One statement, so one round trip and one commit: the nonce, the items and last-seen
      // are written together or (for a replayed nonce) not at all.
      const [row] = await db.query<{ fresh: number; inserted: string[] }>(
        `WITH nonce AS (
           INSERT INTO request_nonces (station_id, nonce, created_at) VALUES ($2, $4, to_timestamp($5))
           ON CONFLICT DO NOTHING RETURNING 1
         ), stored AS (
           INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
           SELECT r.key, $2, r.kind, $3, to_timestamp(r.produced_ms / 1000.0), r.payload
           FROM jsonb_to_recordset($1::jsonb) AS r(n integer, key text, kind text, produced_ms bigint, payload jsonb)
           WHERE EXISTS (SELECT 1 FROM nonce)
           ORDER BY r.n
           ON CONFLICT (key) DO NOTHING
           RETURNING key
         ), seen AS (
           UPDATE stations SET last_seen_at = now() WHERE id = $2 AND EXISTS (SELECT 1 FROM nonce)
         )
         SELECT (SELECT count(*) FROM nonce)::int AS fresh, coalesce((SELECT json_agg(key) FROM stored), '[]'::json) AS inserted`,
        [JSON.stringify(rows), input.stationId, input.schemaVersion, input.nonce, input.createdSeconds],
      );
      if (!row || row.fresh === 0) return 'replayed';
      return { inserted: new Set(row.inserted) };
    },
    async pruneNonces(olderThanSeconds) {
      const rows = await db.query('DELETE FROM request_nonces WHERE created_at < to_timestamp($1) RETURNING 1', [olderThanSeconds]);
      return rows.length;
    },
  };
}
