/**
 * The steward list and the steward audit log.
 *
 * `stewards`: who may sign in to the console. The card is kept only as the station's keyed
 * hash (like visits; `card_hash24` is the hash of its low 24 bits, for readers that give
 * only those), the PIN only as a scrypt hash. `source` says where a row came from:
 * `file` (stewards.json), `setup` (the first steward, set up on the kiosk) or `legacy` (the
 * old station PIN, migrated). A steward dropped from the file is kept, inactive, so the
 * audit log still names them.
 *
 * `steward_actions`: who did what, to what, when and why. The steward's name is copied into
 * the row so the log reads the same after the list changes.
 *
 * `attempt_limits` gains per-steward PIN targets (the steward's id) and the setup code's
 * scope; SQLite cannot alter a CHECK, so that table is rebuilt with its rows.
 */
import type { Database } from 'better-sqlite3';

export const version = 6;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE stewards (
      id          INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 999),
      name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      role        TEXT NOT NULL CHECK (role IN ('host', 'cadre')),
      card_hash   TEXT UNIQUE,
      card_hash24 TEXT,
      pin_hash    TEXT NOT NULL,
      source      TEXT NOT NULL CHECK (source IN ('file', 'setup', 'legacy')),
      active      INTEGER NOT NULL CHECK (active IN (0, 1)),
      added_ms    INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX stewards_card24 ON stewards (card_hash24);

    CREATE TABLE steward_actions (
      id           INTEGER PRIMARY KEY,
      at_ms        INTEGER NOT NULL,
      steward_id   INTEGER REFERENCES stewards (id),
      steward_name TEXT,
      action       TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
      subject      TEXT CHECK (length(subject) <= 200),
      reason       TEXT CHECK (length(reason) <= 500)
    ) STRICT;
    CREATE INDEX steward_actions_at ON steward_actions (at_ms);

    CREATE TABLE attempt_limits_new (
      scope           TEXT NOT NULL CHECK (scope IN ('steward-pin', 'pickup-code', 'steward-setup')),
      target          INTEGER NOT NULL CHECK (target BETWEEN 0 AND 999),
      failures        INTEGER NOT NULL CHECK (failures >= 0),
      lockouts        INTEGER NOT NULL CHECK (lockouts >= 0),
      locked_at_ms    INTEGER,
      locked_until_ms INTEGER,
      CHECK ((locked_at_ms IS NULL) = (locked_until_ms IS NULL)),
      PRIMARY KEY (scope, target)
    ) STRICT;
    INSERT INTO attempt_limits_new SELECT scope, target, failures, lockouts, locked_at_ms, locked_until_ms FROM attempt_limits;
    DROP TABLE attempt_limits;
    ALTER TABLE attempt_limits_new RENAME TO attempt_limits;
  `);
}
