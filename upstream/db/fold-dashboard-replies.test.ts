/**
 * Collector migration 0004 on a database that ran 0001–0003 and holds replies typed on the
 * dashboard: they move into the pulled `wish_replies` in the order they were typed, with their
 * time, and the dashboard's own table is gone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listWishReplies } from '../pull-store';
import { createCollectorStore } from '../store';
import { loadMigrations, migrate } from './migrate';
import { openSqlDatabase, type SqlDatabase } from './sql';

const WISH = 'a'.repeat(32);
let db: SqlDatabase | undefined;

afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('collector migration 0004: dashboard replies folded into the pulled replies', () => {
  it('copies every dashboard reply over, keeps its time and order, and drops the dashboard table', async () => {
    db = await openSqlDatabase({});
    const all = loadMigrations();
    expect(all.map((m) => m.name).at(3)).toBe('0004-dashboard-replies-to-pull.sql');
    expect(await migrate(db, all.slice(0, 3))).toEqual({ from: 0, to: 3 });
    await createCollectorStore(db).addStation('st-a');
    await db.query(`INSERT INTO dashboard_wish_replies (station_id, wish_id, text, author, created_at) VALUES
      ('st-a', $1, '第一条', '区工会 李明', '2026-03-02T08:00:00Z'),
      ('st-a', $1, '第二条', '区工会 王芳', '2026-03-02T09:30:00Z')`, [WISH]);

    expect(await migrate(db, all)).toEqual({ from: 3, to: all.length });
    expect(await listWishReplies(db, { stationId: 'st-a' })).toEqual([
      { id: 2, stationId: 'st-a', wishId: WISH, text: '第二条', author: '区工会 王芳', atMs: Date.UTC(2026, 2, 2, 9, 30) },
      { id: 1, stationId: 'st-a', wishId: WISH, text: '第一条', author: '区工会 李明', atMs: Date.UTC(2026, 2, 2, 8, 0) },
    ]);
    expect(await db.query("SELECT to_regclass('dashboard_wish_replies') AS t")).toEqual([{ t: null }]);
  }, 60_000);
});
