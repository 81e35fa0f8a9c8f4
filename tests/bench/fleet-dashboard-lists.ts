/**
 * The fleet dashboard's three lists (shortages, unread notes, inspections) against a
 * district's month on Debian's PostgreSQL (started here on loopback, stopped at the end):
 * STATIONS stations (default 4,000) × DAYS days (default 30), each station-day with one
 * low-stock alert (19 of 20 cleared), 3 wall notes (9 of 10 already read) and 2 inspections,
 * plus its visits.daily. Prints the median of 7 runs of each list as the dashboard asks it
 * now (collector migration 0005) beside the query it replaced, which read its kind's whole
 * history. `npx tsx tests/bench/fleet-dashboard-lists.ts [STATIONS] [DAYS]`
 */
import { LIST_QUERIES } from '../../upstream/dashboard/fleet-queries';
import type { SqlDatabase } from '../../upstream/db/sql';
import { openTestDatabase } from '../../upstream/testing';
import { startPostgresServer } from '../support/postgres-server';

const stations = Number(process.argv[2] ?? 4_000);
const days = Number(process.argv[3] ?? 30);
const DAY = 86_400_000;

/** The queries before migration 0005, word for word. */
const BEFORE = {
  shortages: `SELECT o.station_id, o.payload FROM items o
       WHERE o.kind = 'supply.alert' AND o.payload->>'change' = 'opened'
         AND NOT EXISTS (SELECT 1 FROM items c WHERE c.key = o.station_id || '/supply.alert/' || (o.payload->>'alertId') || '.cleared')
       ORDER BY (o.payload->>'atMs')::bigint DESC LIMIT 200`,
  unreadWishes: `SELECT w.station_id, w.payload, count(*) OVER ()::int AS total FROM items w
       WHERE w.kind = 'wish.posted'
         AND NOT EXISTS (SELECT 1 FROM wish_reads r WHERE r.station_id = w.station_id AND r.wish_id = w.payload->>'wishId')
       ORDER BY (w.payload->>'postedAtMs')::bigint DESC, w.seq DESC LIMIT 50`,
  inspections: LIST_QUERIES.inspections,
};

async function fill(db: SqlDatabase, now: number): Promise<void> {
  const item = (kind: string, event: string, perDay: number, payload: string, where = 'true') => db.query(
    `INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
     SELECT 'st-' || s || '/${kind}/' || ${event}, 'st-' || s, '${kind}', 1, to_timestamp(($2::bigint - d * ${DAY} + k) / 1000.0), ${payload}
     FROM generate_series(1, $1) s, generate_series(0::bigint, $3::bigint - 1) d, generate_series(0, ${perDay - 1}) k WHERE ${where}`,
    [stations, now, days],
  );
  const ref = `'{"itemId": 1, "name": {"zh-CN": "矿泉水", "en": "Water"}, "unit": {"zh-CN": "瓶", "en": "bottles"}}'::jsonb`;
  const at = '$2::bigint - d * 86400000 + k * 60000';
  await db.query(`INSERT INTO stations (id, key, last_seen_at) SELECT 'st-' || n, decode(repeat('00', 32), 'hex'), now() FROM generate_series(1, $1) n`, [stations]);
  await item('supply.alert', "d || '.opened'", 1, `jsonb_build_object('alertId', d, 'change', 'opened', 'atMs', ${at}, 'stock', 2, 'lowAt', 5, 'item', ${ref})`);
  await item('supply.alert', "d || '.cleared'", 1, `jsonb_build_object('alertId', d, 'change', 'cleared', 'atMs', ${at} + 3600000, 'stock', 30, 'lowAt', 5, 'item', ${ref})`, '(s + d) % 20 <> 0');
  const wish = "lpad(to_hex(d * 10 + k), 32, '0')";
  // Read before they arrive, as a union that keeps up would have them: the trigger then skips them.
  await db.query(
    `INSERT INTO wish_reads (station_id, wish_id, read_by) SELECT 'st-' || s, ${wish}, 'bench'
     FROM generate_series(1, $1) s, generate_series(0::bigint, $2::bigint - 1) d, generate_series(0, 2) k WHERE (s + d + k) % 10 <> 0`,
    [stations, days],
  );
  await item('wish.posted', wish, 3, `jsonb_build_object('wishId', ${wish}, 'category', 'wish', 'text', '希望多些热水，晚上也能用微波炉', 'sticker', null, 'postedAtMs', ${at})`);
  const results = `(SELECT jsonb_agg(jsonb_build_object('item', i, 'passed', i <> 'microwave', 'note', CASE WHEN i = 'microwave' THEN '门坏了' END))
    FROM unnest(ARRAY['site','signage','facilities','publicity','service','rules','results','clean','water-dispenser','microwave','first-aid-kit']) i)`;
  await item('inspection.result', 'd * 2 + k', 2, `jsonb_build_object('inspectionId', d * 2 + k, 'atMs', ${at}, 'failed', 1, 'results', ${results})`);
  await item('visits.daily', "'day' || d", 1, `jsonb_build_object('members', 70, 'guests', 12)`);
  await db.exec('ANALYZE');
}

async function median(db: SqlDatabase, sql: string): Promise<{ ms: number; rows: number }> {
  const rows = (await db.query(sql)).length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await db.query(sql);
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[3]!, rows };
}

const server = await startPostgresServer();
process.env.COLLECTOR_TEST_DATABASE_URL = server.url;
const db = await openTestDatabase();
try {
  const t0 = performance.now();
  await fill(db, Date.now());
  const [counts] = await db.query<{ items: number; open: number; unread: number }>(
    'SELECT (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM open_shortages)::int AS open, (SELECT count(*) FROM unread_wishes)::int AS unread',
  );
  console.log(`PostgreSQL ${server.version}: ${stations} stations × ${days} days, ${counts!.items} items (${counts!.open} open alerts, ${counts!.unread} unread notes) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  for (const list of ['shortages', 'unreadWishes', 'inspections'] as const) {
    // The inspection query is unchanged; what bounds it is the index, so "before" is without it.
    const index = list === 'inspections' ? (await db.query<{ def: string }>("SELECT pg_get_indexdef('items_inspection_newest'::regclass) AS def"))[0]!.def : null;
    if (index) await db.exec('DROP INDEX items_inspection_newest');
    const before = await median(db, BEFORE[list]);
    if (index) await db.exec(`${index}; ANALYZE items`);
    const now = await median(db, LIST_QUERIES[list]);
    console.log(`  ${list}: ${now.ms.toFixed(1)} ms (${now.rows} rows); reading the whole history: ${before.ms.toFixed(1)} ms (${(before.ms / now.ms).toFixed(0)}×)`);
  }
} finally {
  await db.close();
  await server.stop();
}
