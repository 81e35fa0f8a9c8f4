/**
 * Steward records: the supplies catalogue with its stock history and low-stock alerts, the
 * daily and "seven haves" inspections, and the notices the attract screen shows. Adds the
 * covering indexes the usage dashboard reads (one year of visits stays under its 20 ms
 * budget per query). All times are epoch ms; texts come in zh-CN and English.
 */
import type { Database } from 'better-sqlite3';

export const version = 8;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE supply_items (
      id          INTEGER PRIMARY KEY,
      -- Stable key of a seeded item (e.g. 'water'); NULL for items stewards added.
      seed_key    TEXT UNIQUE CHECK (length(seed_key) BETWEEN 1 AND 40),
      name_zh     TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 40),
      name_en     TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
      unit_zh     TEXT NOT NULL CHECK (length(unit_zh) BETWEEN 1 AND 10),
      unit_en     TEXT NOT NULL CHECK (length(unit_en) BETWEEN 1 AND 20),
      season      TEXT NOT NULL CHECK (season IN ('all', 'winter', 'summer')),
      -- Low when the stock is at or below this.
      low_at      INTEGER NOT NULL CHECK (low_at BETWEEN 0 AND 100000),
      active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_ms  INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE supply_stock (
      id          INTEGER PRIMARY KEY,
      item_id     INTEGER NOT NULL REFERENCES supply_items (id),
      at_ms       INTEGER NOT NULL,
      -- count: a steward counted 'quantity' on the shelf; restock: 'quantity' were added.
      kind        TEXT NOT NULL CHECK (kind IN ('count', 'restock')),
      quantity    INTEGER NOT NULL CHECK (quantity BETWEEN 0 AND 100000),
      -- Stock after this record; consumption between two counts is derived from it.
      stock_after INTEGER NOT NULL CHECK (stock_after >= 0),
      steward_id  INTEGER NOT NULL,
      note        TEXT CHECK (length(note) <= 200),
      CHECK (kind = 'restock' OR stock_after = quantity),
      CHECK (kind = 'count' OR quantity > 0)
    ) STRICT;
    CREATE INDEX supply_stock_item ON supply_stock (item_id, id);
    CREATE INDEX supply_stock_at ON supply_stock (at_ms);

    CREATE TABLE supply_alerts (
      -- Also the event id of the upstream record ('<station>/supplies.low/<id>').
      id          INTEGER PRIMARY KEY,
      item_id     INTEGER NOT NULL REFERENCES supply_items (id),
      opened_ms   INTEGER NOT NULL,
      stock       INTEGER NOT NULL,
      low_at      INTEGER NOT NULL,
      cleared_ms  INTEGER,
      CHECK (cleared_ms IS NULL OR cleared_ms >= opened_ms)
    ) STRICT;
    -- At most one open alert per item.
    CREATE UNIQUE INDEX supply_alerts_open ON supply_alerts (item_id) WHERE cleared_ms IS NULL;

    CREATE TABLE inspections (
      id           INTEGER PRIMARY KEY,
      at_ms        INTEGER NOT NULL,
      steward_id   INTEGER NOT NULL,
      -- As signed in at the time, so the history reads right after the steward list changes.
      steward_name TEXT NOT NULL CHECK (length(steward_name) BETWEEN 1 AND 60),
      failed       INTEGER NOT NULL CHECK (failed >= 0)
    ) STRICT;
    CREATE INDEX inspections_at ON inspections (at_ms);

    CREATE TABLE inspection_results (
      inspection_id INTEGER NOT NULL REFERENCES inspections (id),
      item          TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 40),
      passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
      note          TEXT CHECK (length(note) <= 300),
      PRIMARY KEY (inspection_id, item)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE notices (
      id           INTEGER PRIMARY KEY,
      kind         TEXT NOT NULL CHECK (kind IN ('notice', 'event', 'service')),
      title_zh     TEXT NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 60),
      title_en     TEXT NOT NULL CHECK (length(title_en) BETWEEN 1 AND 100),
      body_zh      TEXT NOT NULL CHECK (length(body_zh) <= 300),
      body_en      TEXT NOT NULL CHECK (length(body_en) <= 500),
      -- Minutes after local midnight: shown from start (inclusive) to end (exclusive).
      start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
      end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
      -- Bit d set: shown on local weekday d (0 = Sunday, as Date.getDay()).
      days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),
      active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      updated_ms   INTEGER NOT NULL,
      CHECK (start_minute < end_minute)
    ) STRICT;

    -- Usage dashboard. A year of visits is too many rows to count per request within 20 ms,
    -- so triggers keep two roll-ups beside the visits, in the visit's own transaction:
    -- visits per 15-minute slot (every local hour is whole slots in every zone in use), and
    -- each card's latest arrival (a card visited in a range ending now iff its latest
    -- arrival is in it; the rare card with an arrival after the range is checked row by row).
    CREATE TABLE usage_slots (
      -- arrived_ms / 900000.
      slot    INTEGER PRIMARY KEY,
      members INTEGER NOT NULL DEFAULT 0 CHECK (members >= 0),
      guests  INTEGER NOT NULL DEFAULT 0 CHECK (guests >= 0)
    ) STRICT;
    CREATE TABLE usage_card_last (
      card_id INTEGER PRIMARY KEY,
      last_ms INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX usage_card_last_ms ON usage_card_last (last_ms);
    INSERT INTO usage_slots (slot, members, guests)
      SELECT arrived_ms / 900000, count(*) FILTER (WHERE kind = 'member'), count(*) FILTER (WHERE kind = 'guest') FROM visits GROUP BY 1;
    INSERT INTO usage_card_last (card_id, last_ms) SELECT card_id, max(arrived_ms) FROM visits WHERE card_id IS NOT NULL GROUP BY card_id;
    CREATE TRIGGER usage_visit_added AFTER INSERT ON visits BEGIN
      INSERT INTO usage_slots (slot, members, guests) VALUES (new.arrived_ms / 900000, new.kind = 'member', new.kind = 'guest')
        ON CONFLICT (slot) DO UPDATE SET members = members + (new.kind = 'member'), guests = guests + (new.kind = 'guest');
      INSERT INTO usage_card_last (card_id, last_ms) SELECT new.card_id, new.arrived_ms WHERE new.card_id IS NOT NULL
        ON CONFLICT (card_id) DO UPDATE SET last_ms = max(last_ms, excluded.last_ms);
    END;
    -- Visits are not deleted or moved today; a retention roll-up or a correction must keep the counts right.
    CREATE TRIGGER usage_visit_removed AFTER DELETE ON visits BEGIN
      UPDATE usage_slots SET members = members - (old.kind = 'member'), guests = guests - (old.kind = 'guest') WHERE slot = old.arrived_ms / 900000;
      DELETE FROM usage_card_last WHERE card_id = old.card_id;
      INSERT INTO usage_card_last (card_id, last_ms) SELECT card_id, max(arrived_ms) FROM visits WHERE card_id = old.card_id GROUP BY card_id;
    END;
    CREATE TRIGGER usage_visit_moved AFTER UPDATE OF arrived_ms, kind, card_id ON visits BEGIN
      UPDATE usage_slots SET members = members - (old.kind = 'member'), guests = guests - (old.kind = 'guest') WHERE slot = old.arrived_ms / 900000;
      DELETE FROM usage_card_last WHERE card_id = old.card_id;
      INSERT INTO usage_card_last (card_id, last_ms) SELECT card_id, max(arrived_ms) FROM visits WHERE card_id = old.card_id GROUP BY card_id;
      INSERT INTO usage_slots (slot, members, guests) VALUES (new.arrived_ms / 900000, new.kind = 'member', new.kind = 'guest')
        ON CONFLICT (slot) DO UPDATE SET members = members + (new.kind = 'member'), guests = guests + (new.kind = 'guest');
      INSERT INTO usage_card_last (card_id, last_ms) SELECT new.card_id, new.arrived_ms WHERE new.card_id IS NOT NULL
        ON CONFLICT (card_id) DO UPDATE SET last_ms = max(last_ms, excluded.last_ms);
    END;
        CREATE INDEX locker_sessions_claimed_cover ON locker_sessions (claimed_ms, started_ms, ended_ms);
  `);
  const insert = db.prepare(
    'INSERT INTO supply_items (seed_key, name_zh, name_en, unit_zh, unit_en, season, low_at, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 0)',
  );
  for (const row of SUPPLY_SEED) insert.run(...row);
}

/**
 * What stations stock (seeds 001 and 004: water, the first-aid kit, sewing kit, women's
 * supplies, tyre pump, snacks from local shops; seasonal "warmth" and "cooling" drives).
 * Key, names, units, season, low-stock threshold; stewards edit them afterwards.
 */
const SUPPLY_SEED: readonly [string, string, string, string, string, 'all' | 'winter' | 'summer', number][] = [
  ['water', '饮用水', 'Drinking water', '瓶', 'bottles', 'all', 12],
  ['cups', '纸杯', 'Cups', '个', 'cups', 'all', 50],
  ['noodles', '方便面', 'Instant noodles', '桶', 'cups', 'all', 6],
  ['snacks', '小零食', 'Snacks', '份', 'packs', 'all', 10],
  ['first-aid', '急救用品', 'First-aid items', '件', 'items', 'all', 10],
  ['sewing-kit', '针线包', 'Sewing kit', '套', 'kits', 'all', 1],
  ['womens-supplies', '女性用品', "Women's supplies", '包', 'packs', 'all', 5],
  ['tyre-pump', '打气筒', 'Tyre pump', '个', 'pumps', 'all', 0],
  ['charging-cables', '充电线', 'Charging cables', '根', 'cables', 'all', 2],
  ['umbrellas', '雨伞', 'Umbrellas', '把', 'umbrellas', 'all', 2],
  ['masks', '口罩', 'Masks', '个', 'masks', 'all', 20],
  ['heat-patches', '暖宝宝', 'Heat patches', '片', 'patches', 'winter', 20],
  ['cooling', '防暑降温用品', 'Cooling items', '份', 'packs', 'summer', 10],
  ['sun-sleeves', '冰袖', 'Sun sleeves', '副', 'pairs', 'summer', 5],
];
