import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../testing/temp-dirs';
import { MIGRATIONS } from '.';
import { openStationDatabase, stationDatabasePath } from '../database';

const temp = useTempDirs('station-0014-');

describe('migration 0014 (device counts; texts limited in characters)', () => {
  it('keeps every notice and inspection note with its id, and then stores a text of emoji at the contract’s limit', () => {
    const dataDir = temp.make();
    openStationDatabase({ dataDir, migrations: MIGRATIONS.slice(0, 13) }).close();
    const before = new Database(stationDatabasePath(dataDir));
    before.prepare("INSERT INTO notices (id, kind, title_zh, title_en, body_zh, body_en, start_minute, end_minute, days, active, updated_ms, upstream_id) VALUES (7, 'notice', '法律援助热线', 'Legal aid', '12351', '12351', 0, 1440, 127, 0, 5, 'd-1')").run();
    before.prepare('INSERT INTO inspections (id, at_ms, steward_id, steward_name, failed) VALUES (3, 9, 1, ?, 1)').run('王芳');
    before.prepare("INSERT INTO inspection_results (inspection_id, item, passed, note) VALUES (3, 'microwave', 0, '不加热')").run();
    const family = '👨‍👩‍👧‍👦'.repeat(300);
    expect(() => before.prepare("UPDATE inspection_results SET note = ?").run(family)).toThrow(/CHECK constraint failed/);
    before.close();

    const db = openStationDatabase({ dataDir });
    try {
      expect(db.prepare('SELECT id, kind, title_zh, title_en, body_zh, body_en, start_minute, end_minute, days, active, updated_ms, upstream_id FROM notices').all()).toEqual([
        { id: 7, kind: 'notice', title_zh: '法律援助热线', title_en: 'Legal aid', body_zh: '12351', body_en: '12351', start_minute: 0, end_minute: 1440, days: 127, active: 0, updated_ms: 5, upstream_id: 'd-1' },
      ]);
      expect(db.prepare('SELECT inspection_id, item, passed, note FROM inspection_results').all()).toEqual([{ inspection_id: 3, item: 'microwave', passed: 0, note: '不加热' }]);
      expect(db.prepare('UPDATE inspection_results SET note = ?').run(family).changes).toBe(1);
      expect(db.prepare("UPDATE notices SET body_zh = ?").run(family).changes).toBe(1);
      // The pulled-notice index is back: a second notice with the same district id is refused.
      expect(() => db.prepare("INSERT INTO notices (kind, title_zh, title_en, body_zh, body_en, start_minute, end_minute, days, updated_ms, upstream_id) VALUES ('notice', 'a', 'a', '', '', 0, 60, 1, 0, 'd-1')").run()).toThrow(/UNIQUE constraint failed/);
      expect(() => db.prepare("INSERT INTO inspection_results (inspection_id, item, passed, note) VALUES (99, 'clean', 1, NULL)").run()).toThrow(/FOREIGN KEY constraint failed/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare('SELECT name FROM pragma_table_info(?)').all('device_counts').map((c) => (c as { name: string }).name)).toEqual(['device_id', 'errors', 'reopens', 'last_seen_ms', 'since_ms']);
    } finally {
      db.close();
    }
  });
});
