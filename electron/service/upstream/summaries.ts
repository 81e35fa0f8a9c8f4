/**
 * Read-only summary queries over the check-in and locker tables. Only counts come out:
 * card ids and hashes stay inside these queries.
 */
import type { Database } from 'better-sqlite3';
import type { CategoryCounts, Period } from '../../../common/upstream-wire';

export interface VisitCounts {
  readonly period: Period;
  readonly members: number;
  readonly guests: number;
  readonly uniqueMembers: number;
  readonly newMembers: number;
  readonly byCategory: CategoryCounts;
}

export interface Summaries {
  visits(period: Period): VisitCounts;
  /** Member and guest visits per local hour of day (index 0–23). */
  visitsByHour(period: Period): { members: number; guests: number }[];
  lockers(period: Period): {
    sessions: number;
    memberSessions: number;
    guestSessions: number;
    completedSessions: number;
    averageDurationSeconds: number | null;
    faults: number;
    openFailures: number;
  };
  /** Earliest visit arrival and locker claim, epoch ms; null when there are none. */
  firstFacts(): { visitMs: number | null; lockerMs: number | null };
}

export function createSummaries(db: Database): Summaries {
  const visitTotals = db.prepare<[number, number], { members: number; guests: number; unique_members: number }>(`
    SELECT count(*) FILTER (WHERE kind = 'member') AS members,
           count(*) FILTER (WHERE kind = 'guest') AS guests,
           count(DISTINCT card_id) AS unique_members
    FROM visits WHERE arrived_ms >= ? AND arrived_ms < ?`);
  const byCategory = db.prepare<[number, number], { category: string | null; n: number }>(`
    SELECT c.category AS category, count(*) AS n
    FROM visits v JOIN cards c ON c.id = v.card_id
    WHERE v.arrived_ms >= ? AND v.arrived_ms < ? GROUP BY c.category`);
  const newCards = db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM cards WHERE first_seen_ms >= ? AND first_seen_ms < ?');
  const arrivals = db.prepare<[number, number], { arrived_ms: number; kind: 'member' | 'guest' }>(
    'SELECT arrived_ms, kind FROM visits WHERE arrived_ms >= ? AND arrived_ms < ?',
  );
  const claimed = db.prepare<[number, number], { sessions: number; members: number; guests: number }>(`
    SELECT count(*) AS sessions, count(*) FILTER (WHERE holder = 'member') AS members, count(*) FILTER (WHERE holder = 'guest') AS guests
    FROM locker_sessions WHERE claimed_ms >= ? AND claimed_ms < ?`);
  const completed = db.prepare<[number, number], { n: number; total_ms: number | null }>(`
    -- Monotonic charged time where measured (migration 0012); older rows by their wall times.
    SELECT count(*) AS n, sum(coalesce(charged_ms, max(ended_ms - started_ms, 0))) AS total_ms
    FROM locker_sessions WHERE ended_ms >= ? AND ended_ms < ? AND started_ms IS NOT NULL`);
  const lockerEvents = db.prepare<[number, number], { faults: number; open_failures: number }>(`
    SELECT count(*) FILTER (WHERE kind = 'marked-faulty') AS faults, count(*) FILTER (WHERE kind = 'open-failed') AS open_failures
    FROM locker_events WHERE at_ms >= ? AND at_ms < ?`);
  const firstVisit = db.prepare<[], { ms: number | null }>('SELECT min(arrived_ms) AS ms FROM visits');
  const firstClaim = db.prepare<[], { ms: number | null }>('SELECT min(claimed_ms) AS ms FROM locker_sessions');

  return {
    visits(period) {
      const totals = visitTotals.get(period.startMs, period.endMs)!;
      const categories: CategoryCounts = { 'food-delivery': 0, courier: 0, 'ride-hailing': 0, sanitation: 0, other: 0, unanswered: 0 };
      for (const row of byCategory.all(period.startMs, period.endMs)) {
        const key = row.category === null ? 'unanswered' : (row.category as keyof CategoryCounts);
        categories[key] += row.n;
      }
      return {
        period,
        members: totals.members,
        guests: totals.guests,
        uniqueMembers: totals.unique_members,
        newMembers: newCards.get(period.startMs, period.endMs)!.n,
        byCategory: categories,
      };
    },
    visitsByHour(period) {
      const hours = Array.from({ length: 24 }, () => ({ members: 0, guests: 0 }));
      for (const row of arrivals.iterate(period.startMs, period.endMs)) {
        const slot = hours[new Date(row.arrived_ms).getHours()]!;
        if (row.kind === 'member') slot.members += 1;
        else slot.guests += 1;
      }
      return hours;
    },
    lockers(period) {
      const c = claimed.get(period.startMs, period.endMs)!;
      const done = completed.get(period.startMs, period.endMs)!;
      const events = lockerEvents.get(period.startMs, period.endMs)!;
      return {
        sessions: c.sessions,
        memberSessions: c.members,
        guestSessions: c.guests,
        completedSessions: done.n,
        averageDurationSeconds: done.n === 0 || done.total_ms === null ? null : Math.round(done.total_ms / done.n / 1000),
        faults: events.faults,
        openFailures: events.open_failures,
      };
    },
    firstFacts: () => ({ visitMs: firstVisit.get()!.ms, lockerMs: firstClaim.get()!.ms }),
  };
}
