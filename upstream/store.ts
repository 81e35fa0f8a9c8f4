/**
 * The collector's storage operations. A batch is stored in one transaction with its nonce:
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
}

export function createCollectorStore(db: SqlClient): CollectorStore {
  return {
    async stationKey(stationId) {
      const [row] = await db.query<{ key: Uint8Array }>('SELECT key FROM stations WHERE id = $1', [stationId]);
      return row ? Buffer.from(row.key) : undefined;
    },
    async addStation(stationId) {
      const key = randomBytes(32);
      await db.query('INSERT INTO stations (id, key) VALUES ($1, $2)', [stationId, key]);
      return key;
    },
    storeBatch: (input) =>
      db.transaction(async (tx) => {
        const fresh = await tx.query(
          'INSERT INTO request_nonces (station_id, nonce, created_at) VALUES ($1, $2, to_timestamp($3)) ON CONFLICT DO NOTHING RETURNING 1',
          [input.stationId, input.nonce, input.createdSeconds],
        );
        if (fresh.length === 0) return 'replayed' as const;
        const rows = input.items.map((item, n) => ({ n, key: item.key, kind: item.kind, produced_ms: item.producedAtMs, payload: item.payload }));
        const inserted = await tx.query<{ key: string }>(
          `INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
           SELECT r.key, $2, r.kind, $3, to_timestamp(r.produced_ms / 1000.0), r.payload
           FROM jsonb_to_recordset($1::jsonb) AS r(n integer, key text, kind text, produced_ms bigint, payload jsonb)
           ORDER BY r.n
           ON CONFLICT (key) DO NOTHING
           RETURNING key`,
          [JSON.stringify(rows), input.stationId, input.schemaVersion],
        );
        await tx.query('UPDATE stations SET last_seen_at = now() WHERE id = $1', [input.stationId]);
        return { inserted: new Set(inserted.map((r) => r.key)) };
      }),
    async pruneNonces(olderThanSeconds) {
      const rows = await db.query('DELETE FROM request_nonces WHERE created_at < to_timestamp($1) RETURNING 1', [olderThanSeconds]);
      return rows.length;
    },
  };
}
