/**
 * Charging lockers: the layout as last synced from lockers.json (with fault flags that
 * survive restarts), sessions, door and bus events, and the steward audit log.
 * All times are epoch ms.
 */
import type { Database } from 'better-sqlite3';

export const version = 2;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE lockers (
      -- Painted number, as workers and stewards know it.
      number        INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 999),
      bus_id        TEXT NOT NULL CHECK (length(bus_id) BETWEEN 1 AND 64),
      board         INTEGER NOT NULL CHECK (board BETWEEN 0 AND 255),
      -- 1-based, as on the board's terminals.
      lock          INTEGER NOT NULL CHECK (lock BETWEEN 1 AND 255),
      cable         TEXT NOT NULL CHECK (cable IN ('usb-c', 'lightning', 'micro-usb')),
      enabled       INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      -- 0 once the locker was dropped from lockers.json; kept because sessions refer to it.
      in_layout     INTEGER NOT NULL DEFAULT 1 CHECK (in_layout IN (0, 1)),
      faulty        INTEGER NOT NULL DEFAULT 0 CHECK (faulty IN (0, 1)),
      fault_reason  TEXT CHECK (length(fault_reason) <= 500),
      faulty_since  INTEGER,
      CHECK ((faulty = 1) = (fault_reason IS NOT NULL)),
      CHECK ((faulty = 1) = (faulty_since IS NOT NULL))
    ) STRICT;
    -- One lock is one locker, among the lockers of the current layout.
    CREATE UNIQUE INDEX lockers_address ON lockers (bus_id, board, lock) WHERE in_layout = 1;

    CREATE TABLE locker_sessions (
      id                 INTEGER PRIMARY KEY,
      locker_number      INTEGER NOT NULL REFERENCES lockers (number),
      holder             TEXT NOT NULL CHECK (holder IN ('member', 'guest')),
      card_id            INTEGER REFERENCES cards (id),
      -- HMAC-SHA256 (station key) of 'P:' + the guest's 6-digit pickup code; never the code.
      code_hash          TEXT CHECK (length(code_hash) = 64),
      -- claimed: door open for the phone; charging: door shut, clock running;
      -- retrieving: opened again for pickup; ended.
      state              TEXT NOT NULL CHECK (state IN ('claimed', 'charging', 'retrieving', 'ended')),
      claimed_ms         INTEGER NOT NULL,
      started_ms         INTEGER,
      -- Overdue after this; provisional (claimed + limit) until the door is shut.
      due_ms             INTEGER NOT NULL,
      retrieve_opened_ms INTEGER,
      ended_ms           INTEGER,
      end_reason         TEXT CHECK (end_reason IN ('retrieved', 'steward', 'abandoned')),
      CHECK ((holder = 'member') = (card_id IS NOT NULL)),
      CHECK ((holder = 'guest') = (code_hash IS NOT NULL)),
      CHECK ((state = 'ended') = (ended_ms IS NOT NULL AND end_reason IS NOT NULL)),
      CHECK (state NOT IN ('charging', 'retrieving') OR started_ms IS NOT NULL),
      CHECK (state <> 'retrieving' OR retrieve_opened_ms IS NOT NULL)
    ) STRICT;
    -- At most one live session per locker.
    CREATE UNIQUE INDEX locker_sessions_live ON locker_sessions (locker_number) WHERE state <> 'ended';
    CREATE INDEX locker_sessions_card ON locker_sessions (card_id, state) WHERE card_id IS NOT NULL;
    CREATE INDEX locker_sessions_claimed ON locker_sessions (claimed_ms);

    CREATE TABLE locker_events (
      id            INTEGER PRIMARY KEY,
      at_ms         INTEGER NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN (
                      'opened', 'open-failed', 'door-opened', 'door-closed', 'door-left-open',
                      'item-left-inside', 'marked-faulty', 'repaired', 'bus-online', 'bus-offline', 'bus-degraded')),
      -- NULL for bus events.
      locker_number INTEGER REFERENCES lockers (number),
      session_id    INTEGER REFERENCES locker_sessions (id),
      bus_id        TEXT,
      detail        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
    ) STRICT;
    CREATE INDEX locker_events_at ON locker_events (at_ms);
    CREATE INDEX locker_events_locker ON locker_events (locker_number, at_ms) WHERE locker_number IS NOT NULL;

    CREATE TABLE steward_audit (
      id            INTEGER PRIMARY KEY,
      at_ms         INTEGER NOT NULL,
      action        TEXT NOT NULL CHECK (action IN ('remote-open', 'mark-faulty', 'mark-repaired', 'end-session', 'pin-lockout')),
      locker_number INTEGER REFERENCES lockers (number),
      reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
      -- What happened: 'done', or why not (e.g. 'jammed').
      outcome       TEXT NOT NULL CHECK (length(outcome) BETWEEN 1 AND 200)
    ) STRICT;
    CREATE INDEX steward_audit_at ON steward_audit (at_ms);
  `);
}
