/**
 * The wish wall: notes as written (unmasked, station only) and as shown (masked), their
 * moderation state, replies and "me too" votes, and the steward's moderation setting. Every
 * note has a stable random `uid` for upstream and created/updated times (epoch ms).
 */
import type { Database } from 'better-sqlite3';

export const version = 10;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE wishes (
      id            INTEGER PRIMARY KEY,
      -- Stable id across stations and upstream: 32 hex characters.
      uid           TEXT NOT NULL UNIQUE CHECK (length(uid) = 32),
      category      TEXT NOT NULL CHECK (category IN ('wish', 'thanks', 'suggestion', 'help')),
      -- As written (cleaned by the text guard). Never leaves the station.
      text          TEXT NOT NULL CHECK (length(text) <= 4000),
      -- What the wall and upstream see.
      masked        TEXT NOT NULL CHECK (length(masked) <= 4000),
      sticker       TEXT CHECK (sticker IN ('heart', 'thumbs-up', 'sun', 'tea', 'flower', 'strong')),
      -- The visit whose pass posted it; card_id NULL for a guest's note.
      visit_id      INTEGER NOT NULL REFERENCES visits (id),
      card_id       INTEGER REFERENCES cards (id),
      state         TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'hidden')),
      held_for      TEXT CHECK (held_for IN ('words', 'approval')),
      -- Word-list entries it hit, JSON array.
      hits          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(hits)),
      pinned        INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
      done          INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
      hidden_reason TEXT CHECK (length(hidden_reason) <= 200),
      reply         TEXT CHECK (length(reply) <= 200),
      me_too        INTEGER NOT NULL DEFAULT 0 CHECK (me_too >= 0),
      created_ms    INTEGER NOT NULL,
      updated_ms    INTEGER NOT NULL,
      CHECK ((state = 'hidden') = (hidden_reason IS NOT NULL))
    ) STRICT;
    -- The wall's order: pinned first, then newest; only approved notes.
    CREATE INDEX wishes_wall ON wishes (pinned DESC, created_ms DESC, id DESC) WHERE state = 'approved';
    CREATE INDEX wishes_state ON wishes (state, created_ms);
    -- Rate limits: notes per card per day, per guest visit.
    CREATE INDEX wishes_card ON wishes (card_id, created_ms) WHERE card_id IS NOT NULL;
    CREATE INDEX wishes_visit ON wishes (visit_id);

    CREATE TABLE wish_me_too (
      wish_id  INTEGER NOT NULL REFERENCES wishes (id),
      -- 'card:<cards.id>' for members, 'visit:<visits.id>' for guests.
      voter    TEXT NOT NULL,
      at_ms    INTEGER NOT NULL,
      PRIMARY KEY (wish_id, voter)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE wish_settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
