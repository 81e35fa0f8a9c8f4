/**
 * `device_counts`: each device's error and reopen counts and when it was last seen working,
 * kept across restarts, with when counting began for it. Written when a count changes; the
 * last-seen time is folded in at most every minute and at shutdown (see `device-counts.ts`).
 *
 * Notice texts and inspection notes are limited in characters (grapheme clusters) by the
 * contract now, as the on-screen composer counts them; SQLite's `length()` counts code points,
 * so a note of emoji at its limit broke the old CHECKs. They become the contract's storage
 * bound (16 UTF-16 units a character, see `common/character-limit.ts`), and the two tables
 * are rebuilt with their rows and ids (SQLite cannot alter a CHECK).
 */
import type { Database } from 'better-sqlite3';

export const version = 14;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE device_counts (
      device_id        TEXT PRIMARY KEY CHECK (length(device_id) BETWEEN 1 AND 100),
      errors           INTEGER NOT NULL CHECK (errors >= 0),
      reopens          INTEGER NOT NULL CHECK (reopens >= 0),
      last_seen_ms     INTEGER,
      -- When this device's counts began: its first start on this database.
      since_ms         INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE notices_new (
      id           INTEGER PRIMARY KEY,
      kind         TEXT NOT NULL CHECK (kind IN ('notice', 'event', 'service')),
      title_zh     TEXT NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 960),
      title_en     TEXT NOT NULL CHECK (length(title_en) BETWEEN 1 AND 1600),
      body_zh      TEXT NOT NULL CHECK (length(body_zh) <= 4800),
      body_en      TEXT NOT NULL CHECK (length(body_en) <= 8000),
      start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
      end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
      days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),
      active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      updated_ms   INTEGER NOT NULL,
      upstream_id  TEXT CHECK (length(upstream_id) BETWEEN 1 AND 64),
      CHECK (start_minute < end_minute)
    ) STRICT;
    INSERT INTO notices_new (id, kind, title_zh, title_en, body_zh, body_en, start_minute, end_minute, days, active, updated_ms, upstream_id)
      SELECT id, kind, title_zh, title_en, body_zh, body_en, start_minute, end_minute, days, active, updated_ms, upstream_id FROM notices;
    DROP TABLE notices;
    ALTER TABLE notices_new RENAME TO notices;
    CREATE UNIQUE INDEX notices_upstream ON notices (upstream_id) WHERE upstream_id IS NOT NULL;

    CREATE TABLE inspection_results_new (
      inspection_id INTEGER NOT NULL REFERENCES inspections (id),
      item          TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 40),
      passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
      note          TEXT CHECK (length(note) <= 4800),
      PRIMARY KEY (inspection_id, item)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO inspection_results_new SELECT inspection_id, item, passed, note FROM inspection_results;
    DROP TABLE inspection_results;
    ALTER TABLE inspection_results_new RENAME TO inspection_results;
  `);
}
