/**
 * Which recorded facts (supply alerts, inspections, wall notes) already have their upstream
 * item written: one row per fact, written in the transaction that enqueues its item
 * (electron/service/upstream/record-events.ts). The outbox row leaves once the collector
 * stores it; this row stays, so a fact is never enqueued twice.
 */
import type { Database } from 'better-sqlite3';

export const version = 11;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE upstream_events (
      -- The wire kind, e.g. 'supply.alert'.
      kind   TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
      -- The event id within the kind, as in the item key: '12.opened', an inspection id, a wish uid.
      event  TEXT NOT NULL CHECK (length(event) BETWEEN 1 AND 100),
      PRIMARY KEY (kind, event)
    ) STRICT, WITHOUT ROWID;
  `);
}
