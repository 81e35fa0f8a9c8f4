/**
 * The usage dashboard's queries, over the roll-ups migration 0007 keeps beside the visits
 * (a year of raw visits is too many rows to count within 20 ms):
 * - visits per 15-minute UTC slot: every zone in use has an offset that is a multiple of
 *   15 minutes and changes it on a local hour, so each slot lies inside one local hour of
 *   one local day, and slots map exactly onto local hours and days here in JavaScript;
 * - each card's latest arrival: a card visited in [start, end) iff its latest arrival is in
 *   it, or (rare: the clock was once set ahead) it is later and a visit in range exists.
 */
import type { Database } from 'better-sqlite3';
import type { UsageRange, UsageReport } from '../../../../common/usage';
import { usageDays } from './usage-range';

const SLOT_MS = 15 * 60_000;

/** Counts wish-wall posts made in [startMs, endMs). */
export type WishPostCounter = (startMs: number, endMs: number) => number;

export interface UsageQueries {
  /** The report for `range` ending with the local day containing `nowMs`. */
  report(range: UsageRange, nowMs: number): UsageReport;
}

export function createUsageQueries(db: Database, options: { countWishPosts?: WishPostCounter } = {}): UsageQueries {
  const slots = db.prepare<[number, number], { slot: number; members: number; guests: number }>(
    'SELECT slot, members, guests FROM usage_slots WHERE slot >= ? AND slot < ? ORDER BY slot',
  );
  const categories = db.prepare<[{ start: number; end: number }], { category: string | null; n: number }>(`
    SELECT c.category AS category, count(*) AS n
    FROM usage_card_last l JOIN cards c ON c.id = l.card_id
    WHERE l.last_ms >= @start AND (l.last_ms < @end OR EXISTS (
      SELECT 1 FROM visits v WHERE v.card_id = l.card_id AND v.arrived_ms >= @start AND v.arrived_ms < @end))
    GROUP BY c.category`);
  const charging = db.prepare<[number, number], { sessions: number; ended: number; total_ms: number | null }>(`
    SELECT count(*) AS sessions,
           count(*) FILTER (WHERE ended_ms IS NOT NULL AND started_ms IS NOT NULL) AS ended,
           -- Monotonic charged time where measured (migration 0012); older rows by their wall times.
           sum(coalesce(charged_ms, max(ended_ms - started_ms, 0))) FILTER (WHERE ended_ms IS NOT NULL AND started_ms IS NOT NULL) AS total_ms
    FROM locker_sessions WHERE claimed_ms >= ? AND claimed_ms < ?`);
  const joinInterest = db.prepare<[number, number], { n: number }>(
    "SELECT count(*) AS n FROM events WHERE kind = 'join-interest' AND at_ms >= ? AND at_ms < ?",
  );
  const countWishPosts = options.countWishPosts ?? wishTableCounter(db);

  return {
    report(range, nowMs) {
      const days = usageDays(range, nowMs);
      const startMs = days[0]!.startMs;
      const endMs = days[days.length - 1]!.endMs;
      const byHour = Array.from({ length: 24 }, () => ({ members: 0, guests: 0 }));
      const byDay = days.map((d) => ({ startMs: d.startMs, date: d.date, members: 0, guests: 0 }));
      let day = 0;
      // Local midnights are whole slots (see above), so these divisions are exact.
      for (const row of slots.iterate(startMs / SLOT_MS, endMs / SLOT_MS)) {
        const slotMs = row.slot * SLOT_MS;
        // Slots come in order, so the day index only moves forward.
        while (slotMs >= days[day]!.endMs) day += 1;
        const hour = byHour[new Date(slotMs).getHours()]!;
        hour.members += row.members;
        hour.guests += row.guests;
        byDay[day]!.members += row.members;
        byDay[day]!.guests += row.guests;
      }
      const cats = { 'food-delivery': 0, courier: 0, 'ride-hailing': 0, sanitation: 0, other: 0, unanswered: 0 };
      for (const row of categories.all({ start: startMs, end: endMs })) cats[(row.category ?? 'unanswered') as keyof typeof cats] += row.n;
      const c = charging.get(startMs, endMs)!;
      return {
        range,
        startMs,
        endMs,
        byHour,
        byDay,
        members: byDay.reduce((sum, d) => sum + d.members, 0),
        guests: byDay.reduce((sum, d) => sum + d.guests, 0),
        uniqueWorkers: Object.values(cats).reduce((sum, n) => sum + n, 0),
        categories: cats,
        charging: {
          sessions: c.sessions,
          ended: c.ended,
          averageMinutes: c.ended === 0 || c.total_ms === null ? null : Math.round(c.total_ms / c.ended / 60_000),
        },
        joinInterest: joinInterest.get(startMs, endMs)!.n,
        wishPosts: countWishPosts(startMs, endMs),
      };
    },
  };
}

/**
 * Wish-wall posts from a `wishes` table with a `created_ms` column where one exists; 0
 * until the wish wall's migration adds it. Looked up on every call, so a table added by a
 * later migration of the same process is counted.
 */
function wishTableCounter(db: Database): WishPostCounter {
  return (startMs, endMs) => {
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('wishes')").all();
    if (!columns.some((c) => c.name === 'created_ms')) return 0;
    return db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM wishes WHERE created_ms >= ? AND created_ms < ?').get(startMs, endMs)!.n;
  };
}
