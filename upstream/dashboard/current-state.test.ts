/**
 * The dashboard's lists read current state, not history (collector migration 0005): batches
 * posted over real HTTP keep `open_shortages` and `unread_wishes` exact whatever order an
 * alert's two items come in, resent items and "mark read" included; each list query is
 * answered from its index; and 0005 fills both tables from the items stored before it.
 * On PGlite, or the run's PostgreSQL server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpstreamItem } from '../../common/upstream-wire';
import { expectProjectDatabase } from '../../tests/support/project-database';
import { loadMigrations, migrate } from '../db/migrate';
import { openSqlDatabase, type SqlDatabase } from '../db/sql';
import { createCollectorStore } from '../store';
import { inspectionItem, supplyAlertItem, wishItem } from '../test-items';
import { openTestDatabase, signedHeaders, startCollector, type RunningCollector } from '../testing';
import { LIST_QUERIES } from './fleet-queries';
import { markWishRead } from './wish-replies';

let db: SqlDatabase;
let collector: RunningCollector;
let key: Buffer;

beforeAll(async () => {
  db = await openTestDatabase();
  collector = await startCollector(db);
  key = await collector.store.addStation('st-a');
}, 120_000);

afterAll(async () => {
  await collector?.close();
  await db?.close();
});

async function send(items: UpstreamItem[]): Promise<string[]> {
  const body = JSON.stringify({ schemaVersion: 1, stationId: 'st-a', sentAtMs: Date.now(), items });
  const res = await fetch(`${collector.url}/v1/batches`, { method: 'POST', body, headers: signedHeaders(key, 'st-a', body) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { status: string }[] }).results.map((r) => r.status);
}

const openAlerts = async () => (await db.query<{ alert_id: string }>('SELECT alert_id::text FROM open_shortages ORDER BY alert_id')).map((r) => Number(r.alert_id));
const unread = async () => (await db.query<{ wish_id: string }>('SELECT wish_id FROM unread_wishes ORDER BY wish_id')).map((r) => r.wish_id);
const wishId = (n: number) => n.toString(16).padStart(32, '0');

describe('dashboard current state (collector migration 0005)', () => {
  it('runs on the database its test project names', async () => {
    await expectProjectDatabase(db);
  });

  it('an alert is open from its opened item to its cleared one, in either order within a batch, and a resent opening does not reopen it', async () => {
    expect(await send([supplyAlertItem('st-a', 1, 'opened', 2), supplyAlertItem('st-a', 2, 'opened', 1)])).toEqual(['accepted', 'accepted']);
    expect(await openAlerts()).toEqual([1, 2]);
    expect(await send([supplyAlertItem('st-a', 2, 'cleared', 30)])).toEqual(['accepted']);
    expect(await openAlerts()).toEqual([1]);
    // Opened and cleared in one batch, cleared first.
    expect(await send([supplyAlertItem('st-a', 3, 'cleared', 30), supplyAlertItem('st-a', 3, 'opened', 0)])).toEqual(['accepted', 'accepted']);
    expect(await openAlerts()).toEqual([1]);
    expect(await send([supplyAlertItem('st-a', 2, 'opened', 1)])).toEqual(['duplicate']);
    expect(await openAlerts()).toEqual([1]);
    const [row] = await db.query<{ station_id: string; opened_at_ms: string; payload: unknown }>('SELECT station_id, opened_at_ms::text, payload FROM open_shortages');
    expect(row).toEqual({ station_id: 'st-a', opened_at_ms: String((supplyAlertItem('st-a', 1, 'opened', 2).payload as { atMs: number }).atMs), payload: supplyAlertItem('st-a', 1, 'opened', 2).payload });
  });

  it('a note is unread from its arrival until read; a resent note stays read', async () => {
    expect(await send([wishItem('st-a', 1, '多些热水'), wishItem('st-a', 2, '谢谢')])).toEqual(['accepted', 'accepted']);
    expect(await unread()).toEqual([wishId(1), wishId(2)]);
    expect(await markWishRead(db, { stationId: 'st-a', wishId: wishId(1), by: '区工会 李明' })).toBe('stored');
    expect(await unread()).toEqual([wishId(2)]);
    expect(await send([wishItem('st-a', 1, '多些热水')])).toEqual(['duplicate']);
    expect(await unread()).toEqual([wishId(2)]);
    const [list] = await db.query<{ total: number }>(LIST_QUERIES.unreadWishes);
    expect(list?.total).toBe(1);
  });

  it('each list query reads its index, not the items of its kind', async () => {
    await send([inspectionItem('st-a', 1, '门坏了')]);
    const plan = async (sql: string) =>
      db.transaction(async (tx) => {
        // Tiny test tables would be scanned and sorted whole; make that the last resort, so a
        // query whose order the index cannot give shows a Sort here.
        await tx.exec('SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off');
        const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    const shortages = await plan(LIST_QUERIES.shortages);
    expect(shortages).toMatch(/Index Scan using open_shortages_newest on open_shortages/);
    // Ties on the alert's time are ordered per group of equal times only.
    expect(shortages).not.toMatch(/\n\s*->\s+Sort /);
    const wishes = await plan(LIST_QUERIES.unreadWishes);
    expect(wishes).toMatch(/Index Scan using unread_wishes_newest on unread_wishes/);
    expect(wishes).not.toMatch(/Sort/);
    const inspections = await plan(LIST_QUERIES.inspections);
    expect(inspections).toMatch(/Index Scan using items_inspection_newest on items/);
    expect(inspections).not.toMatch(/Sort/);
  });
});

describe('collector migration 0005 on a database that ran 0001–0004', () => {
  it('fills open_shortages and unread_wishes from the items already stored', async () => {
    const old = await openSqlDatabase({});
    try {
      const all = loadMigrations();
      expect(all.map((m) => m.name).at(4)).toBe('0005-dashboard-current-state.sql');
      await migrate(old, all.slice(0, 4));
      await createCollectorStore(old).addStation('st-a');
      const items = [
        supplyAlertItem('st-a', 1, 'opened', 2), supplyAlertItem('st-a', 2, 'opened', 1), supplyAlertItem('st-a', 2, 'cleared', 30),
        wishItem('st-a', 1, 'a'), wishItem('st-a', 2, 'b'), wishItem('st-a', 3, 'c'),
      ];
      for (const item of items) {
        await old.query('INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload) VALUES ($1, $2, $3, 1, to_timestamp($4 / 1000.0), $5::jsonb)', [
          item.key, 'st-a', item.kind, item.producedAtMs, JSON.stringify(item.payload),
        ]);
      }
      await old.query("INSERT INTO wish_reads (station_id, wish_id, read_by) VALUES ('st-a', $1, 'x')", [wishId(2)]);

      expect(await migrate(old, all)).toEqual({ from: 4, to: all.length });
      expect(await old.query('SELECT station_id, alert_id::int FROM open_shortages')).toEqual([{ station_id: 'st-a', alert_id: 1 }]);
      expect(await old.query('SELECT wish_id FROM unread_wishes ORDER BY wish_id')).toEqual([{ wish_id: wishId(1) }, { wish_id: wishId(3) }]);
    } finally {
      await old.close();
    }
  }, 180_000);
});
