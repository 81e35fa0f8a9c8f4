/**
 * Operations: daily visit roll-ups (what retention keeps once raw visits are deleted) and the
 * clock guard (the last known-good wall time, and the visits stamped before it).
 *
 * `visit_days` is what usage queries read for days older than the retention period (see
 * electron/service/ops/README.md, "Roll-ups"). All days are the station's local calendar day.
 */
import type { Database } from 'better-sqlite3';

export const version = 9;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE visit_days (
      -- Local calendar day, 'YYYY-MM-DD' (the station's midnight, as local-day.ts).
      day            TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      kind           TEXT NOT NULL CHECK (kind IN ('member', 'guest')),
      -- The card's worker category when rolled up; '' for guests and cards without one.
      category       TEXT NOT NULL CHECK (category IN ('', 'food-delivery', 'courier', 'ride-hailing', 'sanitation', 'other')),
      visits         INTEGER NOT NULL CHECK (visits >= 0),
      -- Distinct cards among those visits (0 for guests). A card is in one category, so the
      -- day's unique workers are the sum over its member rows.
      unique_workers INTEGER NOT NULL CHECK (unique_workers >= 0 AND unique_workers <= visits),
      PRIMARY KEY (day, kind, category),
      CHECK (kind = 'member' OR (category = '' AND unique_workers = 0))
    ) STRICT, WITHOUT ROWID;

    -- One row: the latest wall time the station trusted (epoch ms), persisted every minute.
    CREATE TABLE clock_guard (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      last_good_ms INTEGER NOT NULL
    ) STRICT;

    -- Visits whose arrival was stamped before the last known-good time: the wall clock was
    -- wrong (RTC lost after a power cut, a jump back). Summaries can leave them out or show them.
    CREATE TABLE clock_suspect_visits (
      visit_id     INTEGER PRIMARY KEY REFERENCES visits (id) ON DELETE CASCADE,
      stamped_ms   INTEGER NOT NULL,
      last_good_ms INTEGER NOT NULL
    ) STRICT;

    -- In SQL, so every writer of visits is covered without knowing about the guard.
    CREATE TRIGGER visits_clock_guard AFTER INSERT ON visits
      WHEN NEW.arrived_ms < (SELECT last_good_ms FROM clock_guard WHERE id = 1)
    BEGIN
      INSERT INTO clock_suspect_visits (visit_id, stamped_ms, last_good_ms)
        VALUES (NEW.id, NEW.arrived_ms, (SELECT last_good_ms FROM clock_guard WHERE id = 1));
    END;
  `);
}
