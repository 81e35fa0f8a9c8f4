/**
 * A sanity guard on the wall clock. Kiosks lose their RTC in power cuts (many boards have no
 * battery) and come back in 1970 or 2000; NTP then jumps them forward. Visit times and daily
 * summaries are wall times, so the station keeps a last known-good time in `clock_guard`
 * (migration 0009) and a trigger flags every visit stamped before it in
 * `clock_suspect_visits`. Durations never use the wall clock (see Clock.monotonicMs).
 *
 * The known-good time only moves forward by what the monotonic clock measured, so a clock
 * that jumps into the future cannot drag it along: flagged visits are then the ones before a
 * time the station really lived through.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../hardware/drivers/clock';

/** No station ran this software before this (2024-01-01 UTC); an earlier wall time is wrong (an RTC reset to 1970 or 2000). */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(2024, 0, 1);
/** How often the wall clock is checked against the monotonic count, ms. */
export const CLOCK_CHECK_INTERVAL_MS = 60_000;
/**
 * How often a good time is persisted, ms (each write is an fsynced commit). A wall clock found
 * behind is persisted at once; after a power cut the stored time is at most this old.
 */
export const CLOCK_PERSIST_INTERVAL_MS = 15 * 60_000;
/** Wall and monotonic time may drift apart this much between checks before it counts as a jump, ms. */
export const CLOCK_TOLERANCE_MS = 120_000;

/**
 * A forward jump up to this is believed (NTP stepping a drifted RTC), ms; a longer one only
 * when the clock was behind before (the correction after a lost RTC).
 */
export const CLOCK_BELIEVED_JUMP_MS = 24 * 3_600_000;

/** `behind`: the wall clock reads earlier than a time the station already lived through. */
export type ClockState = 'ok' | 'behind' | 'ahead';

export interface ClockStatus {
  readonly state: ClockState;
  /** The wall clock now, epoch ms. */
  readonly wallMs: number;
  /** The persisted last known-good time, epoch ms. */
  readonly lastGoodMs: number;
  /** Wall clock minus the station's own estimate of the time, ms (positive: ahead). */
  readonly offsetMs: number;
  /** Visits flagged as stamped before the known-good time, all time. */
  readonly suspectVisits: number;
}

export interface ClockGuard {
  /** Compares the wall clock with the estimate, persists a new known-good time when it agrees. */
  check(): ClockStatus;
  status(): ClockStatus;
}

export interface ClockGuardDeps {
  readonly db: Database;
  readonly clock: Pick<Clock, 'now' | 'monotonicMs'>;
  /** One line when the clock is found wrong (once per change of state). */
  readonly onWarning: (message: string) => void;
  /** Default {@link EARLIEST_PLAUSIBLE_MS}. */
  readonly earliestPlausibleMs?: number;
}

export function createClockGuard(deps: ClockGuardDeps): ClockGuard {
  const { db, clock } = deps;
  const read = db.prepare<[], { last_good_ms: number }>('SELECT last_good_ms FROM clock_guard WHERE id = 1');
  const write = db.prepare<[number]>(
    'INSERT INTO clock_guard (id, last_good_ms) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET last_good_ms = max(last_good_ms, excluded.last_good_ms)',
  );
  const countSuspect = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM clock_suspect_visits');
  const floor = Math.max(deps.earliestPlausibleMs ?? EARLIEST_PLAUSIBLE_MS, read.get()?.last_good_ms ?? 0);
  const startWall = clock.now();
  // At start there is nothing to compare with but the stored time: a later wall time is
  // taken as true (the station may have been off for days), an earlier one is not.
  let anchor = { goodMs: Math.max(startWall, floor), monoMs: clock.monotonicMs() };
  write.run(anchor.goodMs);
  let lastWriteMono = clock.monotonicMs();
  const persist = (ms: number, force: boolean) => {
    if (!force && clock.monotonicMs() - lastWriteMono < CLOCK_PERSIST_INTERVAL_MS) return;
    write.run(Math.round(ms));
    lastWriteMono = clock.monotonicMs();
  };
  // As if checked at start: a wall clock behind the stored time is reported by the first check.
  let reported: ClockState = 'ok';

  const status = (): ClockStatus => {
    const wallMs = clock.now();
    const estimateMs = anchor.goodMs + (clock.monotonicMs() - anchor.monoMs);
    const offsetMs = Math.round(wallMs - estimateMs);
    const state: ClockState = offsetMs < -CLOCK_TOLERANCE_MS ? 'behind' : offsetMs > CLOCK_TOLERANCE_MS ? 'ahead' : 'ok';
    return { state, wallMs, lastGoodMs: read.get()?.last_good_ms ?? anchor.goodMs, offsetMs, suspectVisits: countSuspect.get()?.n ?? 0 };
  };

  return {
    status,
    check() {
      const now = status();
      const estimateMs = now.wallMs - now.offsetMs;
      const believed = now.state === 'ok' || (now.state === 'ahead' && (reported === 'behind' || now.offsetMs <= CLOCK_BELIEVED_JUMP_MS));
      if (believed) {
        anchor = { goodMs: now.wallMs, monoMs: clock.monotonicMs() };
        persist(now.wallMs, reported !== 'ok');
      } else {
        // Keep counting from the estimate; persisting it keeps flagging visits stamped before it.
        anchor = { goodMs: estimateMs, monoMs: clock.monotonicMs() };
        persist(estimateMs, reported !== now.state);
      }
      const after = status();
      if (after.state !== reported) {
        reported = after.state;
        deps.onWarning(clockLine(after));
      }
      return after;
    },
  };
}

function clockLine(s: ClockStatus): string {
  const wall = new Date(s.wallMs).toISOString();
  if (s.state === 'ok') return `Clock: the wall clock (${wall}) agrees with the station's own count again.`;
  const minutes = Math.round(Math.abs(s.offsetMs) / 60_000);
  return s.state === 'behind'
    ? `Clock: the wall clock reads ${wall}, ${minutes} min earlier than a time the station already lived through; visits stamped meanwhile are flagged. Check NTP or set the clock.`
    : `Clock: the wall clock jumped ${minutes} min ahead of the station's own count (${wall}); visits and summaries use it, but the known-good time does not follow it.`;
}
