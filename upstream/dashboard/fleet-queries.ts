/**
 * What the fleet dashboard shows, read from the stored items (each kind's payload as the
 * wire schema defines it, validated on arrival). Windows are counted back from the collector's
 * clock; per-day figures use the stations' own local-day labels.
 */
import type { SqlClient } from '../db/sql';
import { uniqueWorkers, type UniqueWorkers } from '../unique-workers';

const DAY_MS = 86_400_000;
/** A station is silent when its last request is older than this: three missed heartbeats. */
export const SILENT_AFTER_MS = 15 * 60_000;

export interface StationRow {
  readonly id: string;
  readonly lastSeenMs: number | null;
  /** `silent`: not heard from for {@link SILENT_AFTER_MS}; `ok`: every device online; else the devices not online. */
  readonly health: { readonly state: 'ok' | 'silent' | 'unknown' } | { readonly state: 'devices'; readonly down: readonly { id: string; state: string }[] };
  readonly visits7: { readonly members: number; readonly guests: number };
  readonly lockers7: { readonly sessions: number; readonly averageMinutes: number | null; readonly faults: number };
}

export interface FleetView {
  readonly stations: readonly StationRow[];
  /** Local days (`YYYY-MM-DD`) of the last 14, oldest first, only days with any hour reported. */
  readonly visitsPerDay: readonly { day: string; members: number; guests: number }[];
  readonly uniqueWorkers: (UniqueWorkers & { pseudonymPeriod: string }) | null;
  readonly shortages: readonly Shortage[];
  readonly unreadWishes: readonly Wish[];
  readonly unreadWishCount: number;
  readonly inspections: readonly InspectionRow[];
}

export interface Shortage {
  readonly stationId: string;
  readonly name: { 'zh-CN': string; en: string };
  readonly unit: { 'zh-CN': string; en: string };
  readonly stock: number | null;
  readonly lowAt: number;
  readonly sinceMs: number;
}

export interface Wish {
  readonly stationId: string;
  readonly wishId: string;
  readonly category: string;
  readonly text: string;
  readonly sticker: string | null;
  readonly postedAtMs: number;
}

export interface InspectionRow {
  readonly stationId: string;
  readonly atMs: number;
  readonly failed: number;
  readonly failedItems: readonly { item: string; note: string | null }[];
}

/** Unread wishes listed at most. */
const WISHES_SHOWN = 50;

/**
 * The dashboard's three lists. Each reads what is current, not its kind's whole history
 * (collector migration 0005): open alerts from `open_shortages`, unread notes from
 * `unread_wishes` (both kept by a trigger on items), and the newest inspections straight
 * from the partial index `items_inspection_newest`, whose expression the ORDER BY must match.
 * Exported for the plan test and the bench.
 */
export const LIST_QUERIES = {
  shortages: 'SELECT station_id, payload FROM open_shortages ORDER BY opened_at_ms DESC, station_id, alert_id LIMIT 200',
  unreadWishes: `SELECT station_id, payload, (SELECT count(*) FROM unread_wishes)::int AS total FROM unread_wishes
                 ORDER BY posted_at_ms DESC, seq DESC LIMIT ${WISHES_SHOWN}`,
  inspections: `SELECT station_id, payload FROM items WHERE kind = 'inspection.result'
                ORDER BY (payload->>'atMs')::bigint DESC, seq DESC LIMIT 30`,
} as const;

export async function fleetView(db: SqlClient, nowMs: number): Promise<FleetView> {
  const days = await stationDays(db, nowMs - 14 * DAY_MS, nowMs);
  const [stations, unique, shortages, wishes, inspections] = await Promise.all([
    stationRows(db, nowMs, days),
    latestUniqueWorkers(db),
    db.query<{ station_id: string; payload: { item: Shortage & { name: Shortage['name'] }; stock: number | null; lowAt: number; atMs: number } }>(LIST_QUERIES.shortages),
    db.query<{ station_id: string; payload: Omit<Wish, 'stationId'>; total: number }>(LIST_QUERIES.unreadWishes),
    db.query<{ station_id: string; payload: { atMs: number; failed: number; results: { item: string; passed: boolean; note: string | null }[] } }>(LIST_QUERIES.inspections),
  ]);
  return {
    stations,
    visitsPerDay: perDay(days),
    uniqueWorkers: unique,
    shortages: shortages.map((r) => ({
      stationId: r.station_id, name: r.payload.item.name, unit: r.payload.item.unit, stock: r.payload.stock, lowAt: r.payload.lowAt, sinceMs: r.payload.atMs,
    })),
    unreadWishes: wishes.map((r) => ({ stationId: r.station_id, ...r.payload })),
    unreadWishCount: wishes[0]?.total ?? 0,
    inspections: inspections.map((r) => ({
      stationId: r.station_id, atMs: r.payload.atMs, failed: r.payload.failed,
      failedItems: r.payload.results.filter((x) => !x.passed).map((x) => ({ item: x.item, note: x.note })),
    })),
  };
}

interface StationDay {
  readonly stationId: string;
  /** The station's local day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly startMs: number;
  readonly members: number;
  readonly guests: number;
}

/**
 * Visits per station and local day since `sinceMs`: the day's `visits.daily` where it has
 * arrived, else the sum of the hours that have (today, or a day whose close is still on its
 * way). A station writes a day's last hour and the day itself in the same tick and sends them
 * in that order, so only hours produced in the last two days can lack their day: older hours
 * are not read at all, and a page reads about one row per station-day, not 24.
 */
async function stationDays(db: SqlClient, sinceMs: number, nowMs: number): Promise<StationDay[]> {
  const rows = await db.query<{ station_id: string; day: string; start_ms: string; members: number; guests: number }>(
    `WITH daily AS (
       SELECT station_id, left(payload->'period'->>'label', 10) AS day, (payload->'period'->>'startMs')::bigint AS start_ms,
              (payload->>'members')::int AS members, (payload->>'guests')::int AS guests
       FROM items WHERE kind = 'visits.daily' AND produced_at >= to_timestamp($1 / 1000.0) AND (payload->'period'->>'startMs')::bigint >= $1
     ), hourly AS (
       SELECT station_id, left(payload->'period'->>'label', 10) AS day, min((payload->'period'->>'startMs')::bigint) AS start_ms,
              sum((payload->>'members')::int)::int AS members, sum((payload->>'guests')::int)::int AS guests
       FROM items h
       WHERE kind = 'visits.hourly' AND produced_at >= to_timestamp($2 / 1000.0) AND (payload->'period'->>'startMs')::bigint >= $1
         AND NOT EXISTS (SELECT 1 FROM daily d WHERE d.station_id = h.station_id AND d.day = left(h.payload->'period'->>'label', 10))
       GROUP BY 1, 2
     )
     SELECT * FROM daily UNION ALL SELECT * FROM hourly`,
    [sinceMs, Math.max(sinceMs, nowMs - 2 * DAY_MS)],
  );
  return rows.map((r) => ({ stationId: r.station_id, day: r.day, startMs: Number(r.start_ms), members: r.members, guests: r.guests }));
}

function perDay(days: readonly StationDay[]): FleetView['visitsPerDay'] {
  const byDay = new Map<string, { day: string; members: number; guests: number }>();
  for (const d of days) {
    const sum = byDay.get(d.day) ?? { day: d.day, members: 0, guests: 0 };
    sum.members += d.members;
    sum.guests += d.guests;
    byDay.set(d.day, sum);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

async function stationRows(db: SqlClient, nowMs: number, days: readonly StationDay[]): Promise<StationRow[]> {
  const since = nowMs - 7 * DAY_MS;
  const visits = new Map<string, { members: number; guests: number }>();
  for (const d of days) {
    if (d.startMs < since) continue;
    const sum = visits.get(d.stationId) ?? { members: 0, guests: 0 };
    sum.members += d.members;
    sum.guests += d.guests;
    visits.set(d.stationId, sum);
  }
  const rows = await db.query<{
    id: string; last_seen_ms: string | null; devices: { id: string; state: string }[] | null;
    sessions: number | null; duration_sum: number | null; completed: number | null; faults: number | null;
  }>(
    `SELECT s.id, (extract(epoch FROM s.last_seen_at) * 1000)::bigint AS last_seen_ms, h.devices,
            l.sessions, l.duration_sum, l.completed, l.faults
     FROM stations s
     LEFT JOIN LATERAL (SELECT payload->'devices' AS devices FROM items i WHERE i.station_id = s.id AND i.kind = 'device.health' ORDER BY seq DESC LIMIT 1) h ON true
     LEFT JOIN LATERAL (
       SELECT sum((payload->>'sessions')::int)::int AS sessions, sum((payload->>'faults')::int)::int AS faults,
              sum((payload->>'completedSessions')::int)::int AS completed,
              sum(coalesce((payload->>'averageDurationSeconds')::bigint, 0) * (payload->>'completedSessions')::int)::float8 AS duration_sum
       FROM items i WHERE i.station_id = s.id AND i.kind = 'lockers.daily' AND i.produced_at >= to_timestamp($1 / 1000.0) AND (payload->'period'->>'startMs')::bigint >= $1
     ) l ON true
     ORDER BY s.id`,
    [since],
  );
  return rows.map((r) => {
    const lastSeenMs = r.last_seen_ms === null ? null : Number(r.last_seen_ms);
    const down = (r.devices ?? []).filter((d) => d.state !== 'online');
    const health: StationRow['health'] =
      lastSeenMs === null || r.devices === null ? { state: 'unknown' }
        : nowMs - lastSeenMs > SILENT_AFTER_MS ? { state: 'silent' }
          : down.length === 0 ? { state: 'ok' } : { state: 'devices', down: down.map((d) => ({ id: d.id, state: d.state })) };
    return {
      id: r.id,
      lastSeenMs,
      health,
      visits7: visits.get(r.id) ?? { members: 0, guests: 0 },
      lockers7: {
        sessions: r.sessions ?? 0,
        averageMinutes: r.completed ? Math.round((r.duration_sum ?? 0) / r.completed / 60) : null,
        faults: r.faults ?? 0,
      },
    };
  });
}

/** Unique workers in the pseudonym month of the newest sketch (the month stations are in). */
async function latestUniqueWorkers(db: SqlClient): Promise<FleetView['uniqueWorkers']> {
  const [latest] = await db.query<{ month: string }>(
    "SELECT payload->>'pseudonymPeriod' AS month FROM items WHERE kind = 'workers.daily' ORDER BY produced_at DESC, seq DESC LIMIT 1",
  );
  if (!latest) return null;
  return { pseudonymPeriod: latest.month, ...(await uniqueWorkers(db, { pseudonymPeriod: latest.month })) };
}
