import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../testing/temp-dirs';
import { openStationDatabase, stationDatabasePath } from '../database';
import * as m0001 from './0001-initial';
import { LATEST_SCHEMA_VERSION } from '.';

const temp = useTempDirs('station-0002-');
const HASH = 'a'.repeat(64);

function fresh(): Database.Database {
  const db = openStationDatabase({ dataDir: temp.make() });
  db.prepare("INSERT INTO cards (id, hash32, first_seen_ms) VALUES (1, 'h', 0)").run();
  db.prepare("INSERT INTO lockers (number, bus_id, board, lock, cable) VALUES (1, 'wall-a', 1, 1, 'usb-c'), (2, 'wall-a', 1, 2, 'lightning')").run();
  return db;
}

describe('migration 0002 (lockers)', () => {
  it('upgrades a version-1 database and keeps its visits', () => {
    const dataDir = temp.make();
    openStationDatabase({ dataDir, migrations: [m0001] }).close();
    const v1 = new Database(stationDatabasePath(dataDir));
    v1.prepare("INSERT INTO cards (hash32, first_seen_ms) VALUES ('h', 5)").run();
    v1.prepare("INSERT INTO visits (card_id, kind, arrived_ms, last_tap_ms, source, device_id) VALUES (1, 'member', 5, 5, 'reader', 'door')").run();
    v1.close();
    const db = openStationDatabase({ dataDir });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT id, card_id, arrived_ms FROM visits').all()).toEqual([{ id: 1, card_id: 1, arrived_ms: 5 }]);
      expect(db.prepare('SELECT count(*) AS n FROM lockers').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('lockers: one locker per lock among the current layout, fault flags whole, values in range', () => {
    const db = fresh();
    try {
      const insert = db.prepare('INSERT INTO lockers (number, bus_id, board, lock, cable, in_layout) VALUES (?, ?, ?, ?, ?, ?)');
      expect(() => insert.run(3, 'wall-a', 1, 1, 'usb-c', 1)).toThrow(/UNIQUE constraint failed/);
      // A locker dropped from the layout no longer holds its lock.
      expect(insert.run(3, 'wall-a', 1, 1, 'usb-c', 0).changes).toBe(1);
      expect(() => insert.run(1000, 'wall-a', 2, 1, 'usb-c', 1)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(4, 'wall-a', 2, 0, 'usb-c', 1)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(4, 'wall-a', 2, 1, 'usb-a', 1)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(4, '', 2, 1, 'usb-c', 1)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(4, 'wall-a', 'two', 1, 'usb-c', 1)).toThrow(/cannot store TEXT value in INTEGER column/);
      expect(() => db.prepare('UPDATE lockers SET faulty = 1 WHERE number = 1').run()).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare("UPDATE lockers SET fault_reason = 'x' WHERE number = 1").run()).toThrow(/CHECK constraint failed/);
      expect(db.prepare("UPDATE lockers SET faulty = 1, fault_reason = 'jammed', faulty_since = 9 WHERE number = 1").run().changes).toBe(1);
    } finally {
      db.close();
    }
  });

  it('sessions: a holder of the right kind, one live session per locker, states with their times', () => {
    const db = fresh();
    try {
      const insert = db.prepare(
        'INSERT INTO locker_sessions (locker_number, holder, card_id, code_hash, state, claimed_ms, started_ms, due_ms, retrieve_opened_ms, ended_ms, end_reason) VALUES (?, ?, ?, ?, ?, 0, ?, 100, ?, ?, ?)',
      );
      expect(() => insert.run(1, 'member', null, null, 'claimed', null, null, null, null)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(1, 'member', 1, HASH, 'claimed', null, null, null, null)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(1, 'guest', null, null, 'claimed', null, null, null, null)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(1, 'guest', null, '1234', 'claimed', null, null, null, null)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(1, 'member', 9, null, 'claimed', null, null, null, null)).toThrow(/FOREIGN KEY constraint failed/);
      expect(() => insert.run(9, 'member', 1, null, 'claimed', null, null, null, null)).toThrow(/FOREIGN KEY constraint failed/);
      expect(() => insert.run(1, 'member', 1, null, 'charging', null, null, null, null)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(1, 'member', 1, null, 'retrieving', 5, null, null, null)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(1, 'member', 1, null, 'ended', 5, null, null, null)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(1, 'member', 1, null, 'ended', 5, null, 9, 'lost')).toThrow(/CHECK constraint failed/);
      expect(insert.run(1, 'member', 1, null, 'ended', 5, null, 9, 'retrieved').changes).toBe(1);
      expect(insert.run(1, 'member', 1, null, 'charging', 5, null, null, null).changes).toBe(1);
      expect(() => insert.run(1, 'guest', null, HASH, 'claimed', null, null, null, null)).toThrow(/UNIQUE constraint failed/);
      expect(insert.run(2, 'guest', null, HASH, 'retrieving', 5, 7, null, null).changes).toBe(1);
      expect(db.prepare('SELECT count(*) AS n FROM locker_sessions').get()).toEqual({ n: 3 });
    } finally {
      db.close();
    }
  });

  it('events and audit rows: known kinds and actions, JSON detail, a reason always', () => {
    const db = fresh();
    try {
      const event = db.prepare('INSERT INTO locker_events (at_ms, kind, locker_number, detail) VALUES (0, ?, ?, ?)');
      expect(() => event.run('exploded', 1, '{}')).toThrow(/CHECK constraint failed/);
      expect(() => event.run('opened', 1, 'not json')).toThrow(/CHECK constraint failed/);
      expect(() => event.run('opened', 42, '{}')).toThrow(/FOREIGN KEY constraint failed/);
      expect(event.run('bus-offline', null, '{}').changes).toBe(1);
      const audit = db.prepare("INSERT INTO steward_audit (at_ms, action, locker_number, reason, outcome) VALUES (0, ?, 1, ?, 'done')");
      expect(() => audit.run('remote-open', '')).toThrow(/CHECK constraint failed/);
      expect(() => audit.run('drill-open', 'x')).toThrow(/CHECK constraint failed/);
      expect(audit.run('remote-open', 'phone stuck').changes).toBe(1);
    } finally {
      db.close();
    }
  });
});
