/**
 * Check-in schema: cards (keyed hashes only, never raw numbers), visits (members and
 * guests) and events (join interest and similar counters).
 */
import type { Database } from 'better-sqlite3';

export const version = 1;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE cards (
      id              INTEGER PRIMARY KEY,
      -- HMAC-SHA256 (station key) of the full canonical id: 'U' + 8 hex, or 'T:' + token.
      -- NULL while the card has only been read by a reader that gives 24 bits.
      hash32          TEXT UNIQUE,
      -- HMAC-SHA256 of 'L' + low 6 hex digits; NULL for token cards. Not unique: two
      -- cards may share their low 24 bits.
      hash24          TEXT,
      category        TEXT CHECK (category IN ('food-delivery', 'courier', 'ride-hailing', 'sanitation', 'other')),
      -- 1 once the worker chose a category or skipped the question (then category is NULL).
      category_chosen INTEGER NOT NULL DEFAULT 0 CHECK (category_chosen IN (0, 1)),
      first_seen_ms   INTEGER NOT NULL,
      visit_count     INTEGER NOT NULL DEFAULT 0 CHECK (visit_count >= 0),
      CHECK (hash32 IS NOT NULL OR hash24 IS NOT NULL)
    ) STRICT;
    CREATE INDEX cards_hash24 ON cards (hash24) WHERE hash24 IS NOT NULL;

    CREATE TABLE visits (
      id          INTEGER PRIMARY KEY,
      card_id     INTEGER REFERENCES cards (id),
      kind        TEXT NOT NULL CHECK (kind IN ('member', 'guest')),
      arrived_ms  INTEGER NOT NULL,
      last_tap_ms INTEGER NOT NULL,
      left_ms     INTEGER,
      source      TEXT NOT NULL CHECK (source IN ('reader', 'wedge', 'guest')),
      device_id   TEXT NOT NULL,
      CHECK ((kind = 'guest') = (card_id IS NULL))
    ) STRICT;
    -- Latest visit of a card: (card_id, rowid) order.
    CREATE INDEX visits_card ON visits (card_id) WHERE card_id IS NOT NULL;
    -- Per-hour / per-day counts, all visits or members vs guests.
    CREATE INDEX visits_arrived ON visits (arrived_ms);
    CREATE INDEX visits_kind_arrived ON visits (kind, arrived_ms);

    CREATE TABLE events (
      id     INTEGER PRIMARY KEY,
      kind   TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
      at_ms  INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX events_kind_at ON events (kind, at_ms);
  `);
}
