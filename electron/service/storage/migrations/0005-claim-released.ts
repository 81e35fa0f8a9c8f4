/**
 * Locker events gain `claim-released` (a claim whose door was never shut on a phone is
 * released after `claimReleaseMinutes`, so abandoned claims cannot fill the wall) and
 * `code-reshown` (a guest's pickup code shown again at its still-open door). SQLite cannot
 * alter a CHECK constraint, so the table is rebuilt with its rows and indexes.
 */
import type { Database } from 'better-sqlite3';

export const version = 5;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE locker_events_new (
      id            INTEGER PRIMARY KEY,
      at_ms         INTEGER NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN (
                      'opened', 'open-failed', 'door-opened', 'door-closed', 'door-left-open',
                      'item-left-inside', 'marked-faulty', 'repaired', 'bus-online', 'bus-offline', 'bus-degraded',
                      'claim-released', 'code-reshown')),
      -- NULL for bus events.
      locker_number INTEGER REFERENCES lockers (number),
      session_id    INTEGER REFERENCES locker_sessions (id),
      bus_id        TEXT,
      detail        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
    ) STRICT;
    INSERT INTO locker_events_new (id, at_ms, kind, locker_number, session_id, bus_id, detail)
      SELECT id, at_ms, kind, locker_number, session_id, bus_id, detail FROM locker_events;
    DROP TABLE locker_events;
    ALTER TABLE locker_events_new RENAME TO locker_events;
    CREATE INDEX locker_events_at ON locker_events (at_ms);
    CREATE INDEX locker_events_locker ON locker_events (locker_number, at_ms) WHERE locker_number IS NOT NULL;
  `);
}
