/**
 * Wrong-guess counts survive a restart: `attempt_limits` holds, per scope and target, the
 * failures in a row, how many lockouts there were (each longer than the last) and the
 * current lockout. The steward audit log gains `code-lockout` (a locker's pickup code was
 * locked out) and `clear-lockout` (a steward cleared it); SQLite cannot alter a CHECK
 * constraint, so that table is rebuilt with its rows and index.
 */
import type { Database } from 'better-sqlite3';

export const version = 3;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE attempt_limits (
      scope           TEXT NOT NULL CHECK (scope IN ('steward-pin', 'pickup-code')),
      -- Locker number for pickup codes; 0 for the station's steward PIN.
      target          INTEGER NOT NULL CHECK (target BETWEEN 0 AND 999),
      failures        INTEGER NOT NULL CHECK (failures >= 0),
      lockouts        INTEGER NOT NULL CHECK (lockouts >= 0),
      locked_at_ms    INTEGER,
      locked_until_ms INTEGER,
      CHECK ((locked_at_ms IS NULL) = (locked_until_ms IS NULL)),
      PRIMARY KEY (scope, target)
    ) STRICT;

    CREATE TABLE steward_audit_new (
      id            INTEGER PRIMARY KEY,
      at_ms         INTEGER NOT NULL,
      action        TEXT NOT NULL CHECK (action IN (
                      'remote-open', 'mark-faulty', 'mark-repaired', 'end-session', 'pin-lockout',
                      'code-lockout', 'clear-lockout')),
      locker_number INTEGER REFERENCES lockers (number),
      reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
      -- What happened: 'done', or why not (e.g. 'jammed').
      outcome       TEXT NOT NULL CHECK (length(outcome) BETWEEN 1 AND 200)
    ) STRICT;
    INSERT INTO steward_audit_new (id, at_ms, action, locker_number, reason, outcome)
      SELECT id, at_ms, action, locker_number, reason, outcome FROM steward_audit;
    DROP TABLE steward_audit;
    ALTER TABLE steward_audit_new RENAME TO steward_audit;
    CREATE INDEX steward_audit_at ON steward_audit (at_ms);
  `);
}
