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

/** How long the stations' keys are kept in memory, ms: a key changed or removed in the database by another process applies after this. */
export const KEY_CACHE_MS = 60_000;

export function createCollectorStore(db: SqlClient, now: () => number = Date.now): CollectorStore {
  const writer = createBatchWriter(db, { lastSeenStepSeconds: LAST_SEEN_STEP_SECONDS });
  // Every station's key, read in one query and again when older than KEY_CACHE_MS, so the
  // hourly round (each station once an hour, longer apart than any per-key cache) costs no
  // lookups. An id not in it is looked up on its own, so a station just added works at once.
  let keys = new Map<string, Buffer>();
  let loadedAtMs = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | undefined;
  const reload = () =>
    (loading ??= (async () => {
      try {
        const startedMs = now();
        const rows = await db.query<{ id: string; key: Uint8Array }>('SELECT id, key FROM stations');
        keys = new Map(rows.map((r) => [r.id, Buffer.from(r.key)]));
        loadedAtMs = startedMs;
      } finally {
        loading = undefined;
      }
    })());
  return {
    async stationKey(stationId) {
      if (now() - loadedAtMs >= KEY_CACHE_MS) await reload();
      const known = keys.get(stationId);
      if (known) return known;
      const [row] = await db.query<{ key: Uint8Array }>('SELECT key FROM stations WHERE id = $1', [stationId]);
      if (!row) return undefined;
      const key = Buffer.from(row.key);
      keys.set(stationId, key);
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
