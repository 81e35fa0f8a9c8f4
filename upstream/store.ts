/**
 * The collector's storage operations. A batch is stored in one statement with its nonce
 * (together with the batches that arrived at the same time: `batch-writer.ts`): a replayed
 * nonce changes nothing, and items already stored (same key) are left as they are and
 * answered as duplicates. A station's last-seen time moves in steps, so concurrent requests
 * do not queue on its row.
 */
import { randomBytes } from 'node:crypto';
import { createBatchWriter, type BatchToWrite } from './batch-writer';
import type { SqlClient } from './db/sql';

export type StoreBatchInput = BatchToWrite;

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

/** `stations.last_seen_at` is moved on when it is older than this, s: "last seen" is exact to this step. */
export const LAST_SEEN_STEP_SECONDS = 10;

/** How long a station's key is kept in memory, ms: a key changed in the database by another process applies after this. */
export const KEY_CACHE_MS = 60_000;

export function createCollectorStore(db: SqlClient, now: () => number = Date.now): CollectorStore {
  const writer = createBatchWriter(db, { lastSeenStepSeconds: LAST_SEEN_STEP_SECONDS });
  // Known stations only: an unknown id is looked up every time, so a station just added works at once.
  const keys = new Map<string, { key: Buffer; atMs: number }>();
  return {
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
    storeBatch: (input) => writer.write(input),
    async pruneNonces(olderThanSeconds) {
      const rows = await db.query('DELETE FROM request_nonces WHERE created_at < to_timestamp($1) RETURNING 1', [olderThanSeconds]);
      return rows.length;
    },
  };
}
