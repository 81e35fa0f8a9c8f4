/**
 * Group commit for the collector: the batches that arrive while earlier statements are still
 * in flight are written together, in one statement (nonces, items and last-seen of every
 * batch) and one commit. At 32 stations sending at once a statement carries several batches,
 * so the database does one round trip, one plan and one commit for all of them instead of
 * one each; a lone batch still goes out at once. Each batch gets its own answer, exactly as
 * if it had been written alone: `replayed` for a nonce already seen (also earlier in the same
 * group), else the keys it was the first to store.
 */
import type { UpstreamItem } from '../common/upstream-wire';
import type { SqlClient } from './db/sql';

export interface BatchToWrite {
  readonly stationId: string;
  readonly nonce: string;
  /** The request's signed `created`, unix seconds. */
  readonly createdSeconds: number;
  readonly schemaVersion: number;
  /** Valid items, each key once. */
  readonly items: readonly UpstreamItem[];
}

export type BatchWritten = 'replayed' | { readonly inserted: Set<string> };

export interface BatchWriterOptions {
  /** Statements in flight at once; later batches wait and go out together. Default 2. */
  readonly statementsInFlight?: number;
  /** Items per statement at most (a group is cut there; a batch is never split). Default 5 000. */
  readonly maxItemsPerStatement?: number;
  /** `stations.last_seen_at` moves when older than this, s. */
  readonly lastSeenStepSeconds: number;
  /** This process's clock, epoch ms, for when it last moved a station's last-seen. Default `Date.now`. */
  readonly now?: () => number;
}

interface Waiting {
  readonly batch: BatchToWrite;
  resolve(result: BatchWritten): void;
  reject(error: unknown): void;
}

/** PostgreSQL's deadlock and serialization failures: the statement changed nothing and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

export function createBatchWriter(db: SqlClient, options: BatchWriterOptions) {
  const inFlightLimit = Math.max(1, options.statementsInFlight ?? 2);
  const maxItems = Math.max(1, options.maxItemsPerStatement ?? 5_000);
  const queue: Waiting[] = [];
  let inFlight = 0;
  const now = options.now ?? Date.now;
  const stepMs = Number(options.lastSeenStepSeconds) * 1000;
  // When this process last moved each station's last-seen (by its own clock): within a step it
  // does not even ask, so a busy station's row is touched once a step, not looked at every
  // group, and two processes rarely meet on it. The database's own test below still decides,
  // so with several processes the row moves once a step in all.
  const movedAt = new Map<string, number>();

  // Everything in one statement, so one group is written whole or (on an error) not at all.
  // Rows go in in batch order and each batch's item order, so `seq` keeps arrival order.
  const sql = `
    WITH batch AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS b(b integer, station_id text, nonce text, created bigint)
    ), nonce AS (
      INSERT INTO request_nonces (station_id, nonce, created_at)
      SELECT station_id, nonce, to_timestamp(created) FROM batch ORDER BY b
      ON CONFLICT DO NOTHING RETURNING station_id, nonce
    ), fresh AS (
      SELECT batch.b, batch.station_id FROM batch JOIN nonce USING (station_id, nonce)
    ), stored AS (
      INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
      SELECT r.key, fresh.station_id, r.kind, r.schema_version, to_timestamp(r.produced_ms / 1000.0), r.payload
      FROM jsonb_to_recordset($2::jsonb) AS r(b integer, n integer, key text, kind text, schema_version integer, produced_ms bigint, payload jsonb)
      JOIN fresh ON fresh.b = r.b
      ORDER BY r.b, r.n
      ON CONFLICT (key) DO NOTHING
      RETURNING key
    ), seen AS (
      -- At most once per step per station: every request updating the one row would queue a
      -- busy station's concurrent requests on its row lock. $3: the stations this process has
      -- not moved within the step.
      UPDATE stations SET last_seen_at = now()
      WHERE id = ANY($3::text[]) AND id IN (SELECT station_id FROM fresh)
        AND (last_seen_at IS NULL OR last_seen_at < now() - make_interval(secs => ${Number(options.lastSeenStepSeconds)}))
      RETURNING id
    )
    SELECT coalesce((SELECT json_agg(b) FROM fresh), '[]'::json) AS fresh,
           coalesce((SELECT json_agg(key) FROM stored), '[]'::json) AS inserted,
           coalesce((SELECT json_agg(id) FROM seen), '[]'::json) AS moved`;

  // Prepared once per connection: the server plans this statement once, not at every group.
  // The text varies only with the step, so the name does too.
  const statementName = `collector_batch_write_${Number(options.lastSeenStepSeconds)}`;

  async function write(group: readonly Waiting[]): Promise<BatchWritten[]> {
    const batches = group.map((w, b) => ({ b, station_id: w.batch.stationId, nonce: w.batch.nonce, created: w.batch.createdSeconds }));
    const items = group.flatMap((w, b) =>
      w.batch.items.map((item, n) => ({ b, n, key: item.key, kind: item.kind, schema_version: w.batch.schemaVersion, produced_ms: item.producedAtMs, payload: item.payload })),
    );
    const startedMs = now();
    const due = [...new Set(group.map((w) => w.batch.stationId))].filter((id) => !(startedMs - (movedAt.get(id) ?? Number.NEGATIVE_INFINITY) < stepMs));
    const params = [JSON.stringify(batches), JSON.stringify(items), due];
    for (let attempt = 1; ; attempt++) {
      try {
        const [row] = await db.query<{ fresh: number[]; inserted: string[]; moved: string[] }>(sql, params, { prepareAs: statementName });
        // Only a move that happened counts: a station another process moved a moment ago is asked again next group.
        for (const id of row?.moved ?? []) movedAt.set(id, startedMs);
        const fresh = new Set(row?.fresh ?? []);
        const inserted = new Set(row?.inserted ?? []);
        // A key two batches of the group carried was stored by the first of them.
        return group.map((w, b) => {
          if (!fresh.has(b)) return 'replayed';
          const mine = new Set<string>();
          for (const item of w.batch.items) if (inserted.delete(item.key)) mine.add(item.key);
          return { inserted: mine };
        });
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      }
    }
  }

  function takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const nonces = new Set<string>();
    let items = 0;
    while (queue.length > 0) {
      const next = queue[0]!;
      if (group.length > 0 && items + next.batch.items.length > maxItems) break;
      queue.shift();
      // The same signed request twice in one group: the second is a replay, as it would be a moment later.
      const id = `${next.batch.stationId}\u0000${next.batch.nonce}`;
      if (nonces.has(id)) {
        next.resolve('replayed');
        continue;
      }
      nonces.add(id);
      group.push(next);
      items += next.batch.items.length;
    }
    return group;
  }

  function pump(): void {
    while (inFlight < inFlightLimit && queue.length > 0) {
      const group = takeGroup();
      if (group.length === 0) continue;
      inFlight += 1;
      // The slot is free before anyone hears back, so a batch written in answer goes out at once.
      const done = (settle: () => void) => {
        inFlight -= 1;
        settle();
        pump();
      };
      write(group).then(
        (results) => done(() => group.forEach((w, i) => w.resolve(results[i]!))),
        (error: unknown) => done(() => group.forEach((w) => w.reject(error))),
      );
    }
  }

  return {
    /** Writes one batch (with others waiting at the same time); resolves when it is committed. */
    write(batch: BatchToWrite): Promise<BatchWritten> {
      return new Promise((resolve, reject) => {
        queue.push({ batch, resolve, reject });
        pump();
      });
    },
  };
}
