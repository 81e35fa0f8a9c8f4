import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dirs';
import { openStationDatabase, SchemaTooNewError, stationDatabasePath } from './database';
import type { Migration } from './migrations/migration';
import { LATEST_SCHEMA_VERSION } from './migrations';

const temp = useTempDirs('station-db-');

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);
}

function counting(version: number, sql: string, calls: number[]): Migration {
  return {
    version,
    up(db) {
      calls.push(version);
      db.exec(sql);
    },
  };
}

describe('openStationDatabase', () => {
  it('creates station.db at the latest schema with WAL, FULL sync, foreign keys and a busy timeout', () => {
    const dataDir = temp.make();
    const db = openStationDatabase({ dataDir });
    try {
      expect(LATEST_SCHEMA_VERSION).toBe(14);
      expect(db.name).toBe(stationDatabasePath(dataDir));
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(tableNames(db)).toEqual([
        'attempt_limits', 'cards', 'clock_guard', 'clock_suspect_visits', 'device_counts', 'events', 'inspection_results', 'inspections', 'locker_events', 'locker_sessions', 'lockers', 'notices', 'steward_actions', 'steward_audit', 'stewards', 'supply_alerts', 'supply_items', 'supply_stock', 'upstream_cursors', 'upstream_events', 'upstream_outbox', 'upstream_pulls', 'upstream_wish_replies', 'upstream_worker_sketches', 'usage_card_last', 'usage_slots', 'visit_days', 'visits', 'wish_me_too', 'wish_settings', 'wishes',
      ]);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(10);
      const indexes = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
      expect(indexes.map((i) => i.name)).toEqual([
        'cards_hash24', 'events_kind_at', 'inspections_at', 'locker_events_at', 'locker_events_locker', 'locker_sessions_card', 'locker_sessions_claimed',
        'locker_sessions_claimed_cover', 'locker_sessions_live', 'lockers_address', 'notices_upstream', 'steward_actions_at', 'steward_audit_at', 'stewards_card24', 'supply_alerts_open',
        'supply_stock_at', 'supply_stock_item', 'upstream_outbox_pending', 'usage_card_last_ms', 'visits_arrived', 'visits_card', 'visits_kind_arrived',
        'wishes_card', 'wishes_state', 'wishes_visit', 'wishes_wall',
      ]);
    } finally {
      db.close();
    }
  });

  it('reopening a current database runs nothing and keeps its rows', () => {
    const dataDir = temp.make();
    const calls: number[] = [];
    const migrations = [counting(1, 'CREATE TABLE a (x INTEGER)', calls)];
    const first = openStationDatabase({ dataDir, migrations });
    first.prepare('INSERT INTO a VALUES (42)').run();
    first.close();
    const second = openStationDatabase({ dataDir, migrations });
    try {
      expect(calls).toEqual([1]);
      expect(second.pragma('user_version', { simple: true })).toBe(1);
      expect(second.prepare('SELECT x FROM a').all()).toEqual([{ x: 42 }]);
    } finally {
      second.close();
    }
  });

  it('applies only the pending migrations, in order', () => {
    const dataDir = temp.make();
    const calls: number[] = [];
    const m1 = counting(1, 'CREATE TABLE a (x INTEGER)', calls);
    openStationDatabase({ dataDir, migrations: [m1] }).close();
    const db = openStationDatabase({
      dataDir,
      migrations: [m1, counting(2, 'CREATE TABLE b (y INTEGER)', calls), counting(3, 'ALTER TABLE b ADD COLUMN z TEXT', calls)],
    });
    try {
      expect(calls).toEqual([1, 2, 3]);
      expect(db.pragma('user_version', { simple: true })).toBe(3);
      expect(tableNames(db)).toEqual(['a', 'b']);
    } finally {
      db.close();
    }
  });

  it('a failing migration leaves the database at the previous version with none of its changes', () => {
    const dataDir = temp.make();
    const m1 = counting(1, 'CREATE TABLE a (x INTEGER)', []);
    openStationDatabase({ dataDir, migrations: [m1] }).close();
    const broken: Migration = {
      version: 2,
      up(db) {
        db.exec('CREATE TABLE half (x INTEGER)');
        throw new Error('disk on fire');
      },
    };
    expect(() => openStationDatabase({ dataDir, migrations: [m1, broken] })).toThrow('disk on fire');
    const raw = new Database(stationDatabasePath(dataDir));
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
      expect(tableNames(raw)).toEqual(['a']);
    } finally {
      raw.close();
    }
  });

  it('pending migrations commit together: one failing keeps none of the others and the version where it was', () => {
    const dataDir = temp.make();
    const calls: number[] = [];
    const m1 = counting(1, 'CREATE TABLE a (x INTEGER)', calls);
    openStationDatabase({ dataDir, migrations: [m1] }).close();
    const broken: Migration = {
      version: 3,
      up() {
        throw new Error('disk on fire');
      },
    };
    expect(() => openStationDatabase({ dataDir, migrations: [m1, counting(2, 'CREATE TABLE b (y INTEGER)', calls), broken] })).toThrow('disk on fire');
    const raw = new Database(stationDatabasePath(dataDir));
    try {
      expect(calls).toEqual([1, 2]);
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
      expect(tableNames(raw)).toEqual(['a']);
    } finally {
      raw.close();
    }
  });

  it('refuses a database from a newer release, with a clear message, and leaves the file unchanged', () => {
    const dataDir = temp.make();
    const path = stationDatabasePath(dataDir);
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();

    let thrown: unknown;
    try {
      openStationDatabase({ dataDir });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaTooNewError);
    expect((thrown as Error).message).toBe(
      `${path} has schema version 99, but this station software only knows versions up to ${LATEST_SCHEMA_VERSION}. ` +
        'It was written by a newer release: install that release (or a later one) instead of downgrading. The file was left unchanged.',
    );
    const after = new Database(path);
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(99);
      expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(tableNames(after)).toEqual([]);
    } finally {
      after.close();
    }
  });

  it('rejects a migration list with a gap', () => {
    const dataDir = temp.make();
    expect(() => openStationDatabase({ dataDir, migrations: [counting(1, 'SELECT 1', []), counting(3, 'SELECT 1', [])] })).toThrow(
      'Migration #2 declares version 3; versions must be 1, 2, 3… in order',
    );
  });

  it('the schema refuses a guest visit with a card, a member visit without one, and a card with no hash', () => {
    const db = openStationDatabase({ dataDir: temp.make() });
    try {
      db.prepare("INSERT INTO cards (id, hash32, first_seen_ms) VALUES (1, 'h', 0)").run();
      const visit = db.prepare("INSERT INTO visits (card_id, kind, arrived_ms, last_tap_ms, source, device_id) VALUES (?, ?, 0, 0, 'reader', 'r')");
      expect(() => visit.run(1, 'guest')).toThrow(/CHECK constraint failed/);
      expect(() => visit.run(null, 'member')).toThrow(/CHECK constraint failed/);
      expect(() => visit.run(7, 'member')).toThrow(/FOREIGN KEY constraint failed/);
      expect(() => db.prepare('INSERT INTO cards (first_seen_ms) VALUES (0)').run()).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare("INSERT INTO events (kind, detail, at_ms) VALUES ('x', 'not json', 0)").run()).toThrow(/CHECK constraint failed/);
      expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
