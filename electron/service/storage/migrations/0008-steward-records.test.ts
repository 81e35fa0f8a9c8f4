import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../testing/temp-dirs';
import { MIGRATIONS } from '.';
import { openStationDatabase, stationDatabasePath } from '../database';

const temp = useTempDirs('station-0008-');

describe('migration 0008 (steward records)', () => {
  it('upgrades the previous version, keeps its visits and seeds the supplies catalogue', () => {
    const dataDir = temp.make();
    openStationDatabase({ dataDir, migrations: MIGRATIONS.slice(0, 7) }).close();
    const before = new Database(stationDatabasePath(dataDir));
    before.prepare("INSERT INTO visits (kind, arrived_ms, last_tap_ms, source, device_id) VALUES ('guest', 5, 5, 'guest', 'screen')").run();
    before.close();
    const db = openStationDatabase({ dataDir });
    try {
      expect(db.prepare('SELECT kind, arrived_ms FROM visits').all()).toEqual([{ kind: 'guest', arrived_ms: 5 }]);
      expect(db.prepare("SELECT count(*) AS n, count(*) FILTER (WHERE season = 'winter') AS winter, count(*) FILTER (WHERE season = 'summer') AS summer FROM supply_items").get()).toEqual({ n: 14, winter: 1, summer: 2 });
    } finally {
      db.close();
    }
  });

  it('stock rows are consistent, one open alert per item, notice windows in a day', () => {
    const db = openStationDatabase({ dataDir: temp.make() });
    try {
      const stock = db.prepare("INSERT INTO supply_stock (item_id, at_ms, kind, quantity, stock_after, steward_id) VALUES (?, 0, ?, ?, ?, 1)");
      expect(() => stock.run(1, 'count', 5, 6)).toThrow(/CHECK constraint failed/);
      expect(() => stock.run(1, 'restock', 0, 6)).toThrow(/CHECK constraint failed/);
      expect(() => stock.run(1, 'sold', 1, 1)).toThrow(/CHECK constraint failed/);
      expect(() => stock.run(99, 'count', 1, 1)).toThrow(/FOREIGN KEY constraint failed/);
      expect(stock.run(1, 'restock', 5, 9).changes).toBe(1);
      const alert = db.prepare('INSERT INTO supply_alerts (item_id, opened_ms, stock, low_at, cleared_ms) VALUES (1, 10, 3, 12, ?)');
      alert.run(null);
      expect(() => alert.run(null)).toThrow(/UNIQUE constraint failed/);
      expect(alert.run(20).changes).toBe(1);
      const notice = db.prepare("INSERT INTO notices (kind, title_zh, title_en, body_zh, body_en, start_minute, end_minute, days, updated_ms) VALUES ('event', '理发', 'Haircut', '', '', ?, ?, ?, 0)");
      expect(() => notice.run(900, 840, 127)).toThrow(/CHECK constraint failed/);
      expect(() => notice.run(840, 1441, 127)).toThrow(/CHECK constraint failed/);
      expect(() => notice.run(840, 1020, 0)).toThrow(/CHECK constraint failed/);
      expect(notice.run(840, 1020, 127).changes).toBe(1);
    } finally {
      db.close();
    }
  });
});
