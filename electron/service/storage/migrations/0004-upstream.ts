/**
 * Upstream outbox: summaries waiting for the union's collector, and how far each producer
 * has written. An item is deleted only when the collector has stored it; one it refused as
 * invalid stays here, marked, and is not resent. All times are epoch ms.
 */
import type { Database } from 'better-sqlite3';

export const version = 4;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE upstream_outbox (
      -- Send order: items go out oldest first.
      id            INTEGER PRIMARY KEY,
      -- Idempotency key '<station id>/<kind>/<period or event>'; the collector stores one item per key.
      key           TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 3 AND 200),
      kind          TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
      produced_ms   INTEGER NOT NULL,
      -- The whole wire item as JSON, exactly as it will be sent.
      item          TEXT NOT NULL CHECK (json_valid(item)),
      state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected')),
      reject_reason TEXT CHECK (length(reject_reason) <= 300),
      CHECK ((state = 'rejected') = (reject_reason IS NOT NULL))
    ) STRICT;
    CREATE INDEX upstream_outbox_pending ON upstream_outbox (id) WHERE state = 'pending';

    CREATE TABLE upstream_cursors (
      -- One row per producer ('visits.hourly', 'visits.daily', 'lockers.daily').
      producer      TEXT PRIMARY KEY,
      -- Every period ending at or before this has been written to the outbox.
      done_until_ms INTEGER NOT NULL
    ) STRICT;
  `);
}
