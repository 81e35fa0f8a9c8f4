/**
 * Configuration pulled down from the union's collector (notices, stewards, word list, wish
 * replies).
 *
 * `upstream_pulls`: per kind, the ETag and the document last applied, written in the same
 * transaction as what the document changed, so a download that fails anywhere leaves both the
 * old configuration and the old ETag.
 *
 * `upstream_wish_replies`: which of the collector's replies were put on the wall (each once).
 *
 * `notices.upstream_id`: the district's id of a pulled notice; NULL for the station's own.
 *
 * `stewards.source` gains `upstream` (the district's list; cards as fleet pseudonyms): SQLite
 * cannot alter a CHECK, so the table is rebuilt with its rows and ids (the audit log refers to
 * them; the foreign keys are checked at commit).
 */
import type { Database } from 'better-sqlite3';

export const version = 13;

export function up(db: Database): void {
  db.pragma('defer_foreign_keys = ON');
  db.exec(`
    CREATE TABLE upstream_pulls (
      kind        TEXT PRIMARY KEY CHECK (kind IN ('notices', 'stewards', 'words', 'wish-replies')),
      -- The strong ETag the collector gave this document, quotes included.
      etag        TEXT NOT NULL CHECK (length(etag) BETWEEN 2 AND 200),
      document    TEXT NOT NULL CHECK (json_valid(document)),
      applied_ms  INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE upstream_wish_replies (
      -- The collector's reply id.
      reply_id    INTEGER PRIMARY KEY,
      wish_uid    TEXT NOT NULL CHECK (length(wish_uid) = 32),
      -- 1 when the reply was put on the note; 0 when no such note (or the text was refused).
      shown       INTEGER NOT NULL CHECK (shown IN (0, 1)),
      applied_ms  INTEGER NOT NULL
    ) STRICT;

    ALTER TABLE notices ADD COLUMN upstream_id TEXT CHECK (length(upstream_id) BETWEEN 1 AND 64);
    CREATE UNIQUE INDEX notices_upstream ON notices (upstream_id) WHERE upstream_id IS NOT NULL;

    CREATE TABLE stewards_new (
      id          INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 999),
      name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      role        TEXT NOT NULL CHECK (role IN ('host', 'cadre')),
      card_hash   TEXT UNIQUE,
      card_hash24 TEXT,
      pin_hash    TEXT NOT NULL,
      source      TEXT NOT NULL CHECK (source IN ('file', 'setup', 'legacy', 'upstream')),
      active      INTEGER NOT NULL CHECK (active IN (0, 1)),
      added_ms    INTEGER NOT NULL
    ) STRICT;
    INSERT INTO stewards_new SELECT id, name, role, card_hash, card_hash24, pin_hash, source, active, added_ms FROM stewards;
    DROP TABLE stewards;
    ALTER TABLE stewards_new RENAME TO stewards;
    CREATE INDEX stewards_card24 ON stewards (card_hash24);
  `);
}
