/**
 * How long each locker session has charged, on the monotonic clock. The stored
 * `started_ms`/`due_ms` are wall times (shown and exported as times of day); durations and
 * "overdue" are not taken from them while the service runs, so an NTP step or a wall clock
 * set by hand (±1 h, a day) neither makes every phone overdue nor hides an overdue one.
 *
 * A session that was charging before this process started has no monotonic start: its
 * elapsed time is taken once from the wall clock (never below zero) and anchored then, so
 * only a jump during the downtime can skew it.
 */
import type { Clock } from '../../../hardware/drivers/clock';
import type { SessionRecord } from './locker-store';

export interface ChargingClock {
  /** Charging has just started for session `id` (door shut on a claim). */
  started(id: number): void;
  /** Monotonic ms since charging started; 0 for a session that is not charging yet. */
  chargedMs(session: SessionRecord): number;
  /** When the session is due, in the wall clock of now: now + what is left of `maxMs`. */
  dueAtMs(session: SessionRecord): number;
  /** Charging for longer than `maxMs`. */
  overdue(session: SessionRecord): boolean;
  /** The session ended: its charged time, ms (null if it never charged), and it is forgotten. */
  ended(session: SessionRecord): number | null;
}

/** Wall and monotonic clocks may drift this far apart before the stored due time is re-expressed, ms. */
const DRIFT_TOLERANCE_MS = 2000;

export function createChargingClock(clock: Clock, maxMs: number): ChargingClock {
  /** Session id → the monotonic ms charging started at, and wall minus monotonic then. */
  const starts = new Map<number, { readonly mono: number; readonly offset: number }>();
  const offsetNow = () => clock.now() - clock.monotonicMs();

  const startOf = (session: SessionRecord) => {
    if (session.startedMs === null) return null;
    let start = starts.get(session.id);
    if (start === undefined) {
      const mono = clock.monotonicMs() - Math.max(0, clock.now() - session.startedMs);
      start = { mono, offset: session.startedMs - mono };
      starts.set(session.id, start);
    }
    return start;
  };
  const chargedMs = (session: SessionRecord): number => {
    const start = startOf(session);
    return start === null ? 0 : Math.max(0, clock.monotonicMs() - start.mono);
  };
  const dueAtMs = (session: SessionRecord): number => {
    const start = startOf(session);
    // Unmoved clock: the stored due time, stable from one answer to the next.
    if (start === null || Math.abs(offsetNow() - start.offset) <= DRIFT_TOLERANCE_MS) return session.dueMs;
    return Math.round((clock.now() + maxMs - chargedMs(session)) / 1000) * 1000;
  };

  return {
    started: (id) => void starts.set(id, { mono: clock.monotonicMs(), offset: offsetNow() }),
    chargedMs,
    dueAtMs,
    overdue: (session) => session.state === 'charging' && session.startedMs !== null && chargedMs(session) > maxMs,
    ended(session) {
      const charged = session.startedMs === null ? null : Math.round(chargedMs(session));
      starts.delete(session.id);
      return charged;
    },
  };
}
