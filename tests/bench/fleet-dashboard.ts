/**
 * One measurement of the fleet dashboard against a district-sized history: STATIONS stations
 * (default 500), each with 14 days of visits.hourly and 13 closed days of visits.daily, 7 days of lockers.daily, a heartbeat, an
 * open shortage, two unread notes and an inspection, inserted straight into an in-memory
 * PGlite (or COLLECTOR_TEST_DATABASE_URL). Prints the time of a signed-in GET /dashboard
 * (first and median of 5) and the page's size. `npx tsx tests/bench/fleet-dashboard.ts [STATIONS]`
 */
import { createDashboardAuth } from '../../upstream/dashboard/auth';
import { openTestDatabase, startCollector } from '../../upstream/testing';

const stations = Number(process.argv[2] ?? 500);
const now = Date.now();
const HOUR = 3_600_000;
const db = await openTestDatabase();
const t0 = performance.now();
await db.query(`INSERT INTO stations (id, key, last_seen_at) SELECT 'st-' || n, decode(repeat('00', 32), 'hex'), now() FROM generate_series(1, $1) n`, [stations]);
await db.query(
  `INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
   SELECT 'st-' || s || '/visits.hourly/' || h, 'st-' || s, 'visits.hourly', 1, to_timestamp(($2::bigint - h * ${HOUR}) / 1000.0),
          jsonb_build_object('period', jsonb_build_object('startMs', $2::bigint - (h + 1) * ${HOUR}, 'endMs', $2::bigint - h * ${HOUR},
            'label', to_char(to_timestamp(($2::bigint - (h + 1) * ${HOUR}) / 1000.0) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24') || '+08:00'),
            'members', (s + h) % 7, 'guests', h % 2, 'uniqueMembers', 1, 'newMembers', 0, 'byCategory', '{}'::jsonb)
   FROM generate_series(1, $1) s, generate_series(0, 14 * 24 - 1) h`,
  [stations, now],
);
// Each closed local day's visits.daily, as a station sends at midnight (today has hours only).
await db.query(
  `WITH d AS (SELECT n, (date_trunc('day', to_timestamp($2::bigint / 1000.0) AT TIME ZONE 'Asia/Shanghai') - n * interval '1 day') AS local_day
             FROM generate_series(1, 13) n)
   INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
   SELECT 'st-' || s || '/visits.daily/' || to_char(local_day, 'YYYY-MM-DD') || '+08:00', 'st-' || s, 'visits.daily', 1,
          (local_day + interval '1 day') AT TIME ZONE 'Asia/Shanghai',
          jsonb_build_object('period', jsonb_build_object('startMs', (extract(epoch FROM local_day AT TIME ZONE 'Asia/Shanghai') * 1000)::bigint,
            'endMs', (extract(epoch FROM (local_day + interval '1 day') AT TIME ZONE 'Asia/Shanghai') * 1000)::bigint,
            'label', to_char(local_day, 'YYYY-MM-DD') || '+08:00'),
            'members', 70, 'guests', 12, 'uniqueMembers', 50, 'newMembers', 3, 'byCategory', '{}'::jsonb, 'byHour', '[]'::jsonb)
   FROM generate_series(1, $1) s, d`,
  [stations, now],
);
await db.query(
  `INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
   SELECT 'st-' || s || '/lockers.daily/' || d, 'st-' || s, 'lockers.daily', 1, to_timestamp(($2::bigint - d * 86400000) / 1000.0),
          jsonb_build_object('period', jsonb_build_object('startMs', $2::bigint - (d + 1) * 86400000, 'endMs', $2::bigint - d * 86400000, 'label', 'x'),
            'sessions', 9, 'memberSessions', 8, 'guestSessions', 1, 'completedSessions', 8, 'averageDurationSeconds', 2400, 'faults', 0, 'openFailures', 0)
   FROM generate_series(1, $1) s, generate_series(0, 6) d`,
  [stations, now],
);
await db.query(
  `INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
   SELECT 'st-' || s || '/device.health/' || $2::bigint, 'st-' || s, 'device.health', 1, now(),
          '{"slotStartMs": 0, "uptimeSeconds": 60, "devices": [{"id": "door", "kind": "card-reader", "state": "online"}], "outboxLength": 0}'::jsonb
   FROM generate_series(1, $1) s
   UNION ALL
   SELECT 'st-' || s || '/supply.alert/1.opened', 'st-' || s, 'supply.alert', 1, now(),
          jsonb_build_object('alertId', 1, 'change', 'opened', 'atMs', $2::bigint, 'stock', 2, 'lowAt', 5,
            'item', '{"itemId": 1, "name": {"zh-CN": "矿泉水", "en": "Water"}, "unit": {"zh-CN": "瓶", "en": "bottles"}}'::jsonb)
   FROM generate_series(1, $1) s
   UNION ALL
   SELECT 'st-' || s || '/wish.posted/' || lpad(to_hex(w), 32, '0'), 'st-' || s, 'wish.posted', 1, now(),
          jsonb_build_object('wishId', lpad(to_hex(w), 32, '0'), 'category', 'wish', 'text', '希望多些热水 <b>', 'sticker', null, 'postedAtMs', $2::bigint - w)
   FROM generate_series(1, $1) s, generate_series(1, 2) w
   UNION ALL
   SELECT 'st-' || s || '/inspection.result/1', 'st-' || s, 'inspection.result', 1, now(),
          jsonb_build_object('inspectionId', 1, 'atMs', $2::bigint - s, 'failed', 0, 'results', '[]'::jsonb)
   FROM generate_series(1, $1) s`,
  [stations, now],
);
await db.exec('ANALYZE');
const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items');
console.log(`${stations} stations, ${n} items inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s (${db.kind})`);

const collector = await startCollector(db, { dashboard: { db } });
const token = await createDashboardAuth(db).createToken('bench');
const signIn = await fetch(`${collector.url}/dashboard/sign-in`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token }) });
const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
const times: number[] = [];
let bytes = 0;
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const res = await fetch(`${collector.url}/dashboard`, { headers: { cookie } });
  bytes = (await res.arrayBuffer()).byteLength;
  times.push(performance.now() - start);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`GET /dashboard: first ${times[0]!.toFixed(0)} ms, median of 5 ${sorted[2]!.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB`);
await collector.close();
await db.close();
