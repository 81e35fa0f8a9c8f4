/**
 * SQLite storage for the upstream outbox (migration 0004). Items leave the table only when
 * the collector has stored them (`remove`); writes are single statements or run inside
 * `transaction`, each committed (fsynced) on return.
 */
import type { Database } from 'better-sqlite3';
import type { UpstreamItem } from '../../../common/upstream-wire';

/** A waiting item, in send order. */
export interface OutboxEntry {
  readonly id: number;
  readonly key: string;
  /** The wire item, parsed back from its stored JSON. */
  readonly item: UpstreamItem;
}

export interface OutboxStats {
  readonly pending: number;
  readonly rejected: number;
  /**
   * `producedAtMs` of the pending item that has waited longest (first in send order), epoch
   * ms; null when none. Send order is write order, so a wall clock set back since does not
   * change which item this is.
   */
  readonly oldestPendingMs: number | null;
}

export interface OutboxStore {
  transaction<T>(fn: () => T): T;
  /** Adds an item unless one with its key exists; true when added. */
  enqueue(item: UpstreamItem): boolean;
  /** Up to `limit` pending items, oldest first. */
  pending(limit: number): OutboxEntry[];
  /** Deletes the items the collector stored (accepted or duplicate). */
  remove(keys: readonly string[]): void;
  /** Parks an item the collector refused as invalid: kept, no longer sent. */
  reject(key: string, reason: string): void;
  stats(): OutboxStats;
  /** End of the last period a producer wrote, epoch ms; undefined before its first run. */
  cursor(producer: string): number | undefined;
  setCursor(producer: string, doneUntilMs: number): void;
}

export function createOutboxStore(db: Database): OutboxStore {
  const insert = db.prepare<[string, string, number, string]>(
    'INSERT INTO upstream_outbox (key, kind, produced_ms, item) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
  );
  const pending = db.prepare<[number], { id: number; key: string; item: string }>(
    "SELECT id, key, item FROM upstream_outbox WHERE state = 'pending' ORDER BY id LIMIT ?",
  );
  const remove = db.prepare<[string]>('DELETE FROM upstream_outbox WHERE key = ?');
  const reject = db.prepare<[string, string]>("UPDATE upstream_outbox SET state = 'rejected', reject_reason = ? WHERE key = ?");
  // Read at every heartbeat and status poll, so none of it scans the items: the pending count
  // and the first pending item come from the partial index on pending ids, the total from
  // SQLite's b-tree count (a month offline is ~9,400 items).
  const stats = db.prepare<[], { pending: number; total: number; oldest: number | null }>(`
    SELECT (SELECT count(*) FROM upstream_outbox WHERE state = 'pending') AS pending,
           (SELECT count(*) FROM upstream_outbox) AS total,
           (SELECT produced_ms FROM upstream_outbox WHERE state = 'pending' ORDER BY id LIMIT 1) AS oldest`);
  const cursor = db.prepare<[string], { done_until_ms: number }>('SELECT done_until_ms FROM upstream_cursors WHERE producer = ?');
  const setCursor = db.prepare<[string, number]>(
    'INSERT INTO upstream_cursors (producer, done_until_ms) VALUES (?, ?) ON CONFLICT (producer) DO UPDATE SET done_until_ms = excluded.done_until_ms',
  );

  return {
    transaction: (fn) => db.transaction(fn).immediate(),
    enqueue: (item) => insert.run(item.key, item.kind, item.producedAtMs, JSON.stringify(item)).changes === 1,
    pending: (limit) => pending.all(limit).map((row) => ({ id: row.id, key: row.key, item: JSON.parse(row.item) as UpstreamItem })),
    remove: (keys) => {
      if (keys.length === 0) return;
      db.transaction(() => {
        for (const key of keys) remove.run(key);
      }).immediate();
    },
    reject: (key, reason) => {
      reject.run(reason.slice(0, 300), key);
    },
    stats: () => {
      const row = stats.get()!;
      return { pending: row.pending, rejected: row.total - row.pending, oldestPendingMs: row.oldest };
    },
    cursor: (producer) => cursor.get(producer)?.done_until_ms,
    setCursor: (producer, doneUntilMs) => {
      setCursor.run(producer, doneUntilMs);
    },
  };
}
