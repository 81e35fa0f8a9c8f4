/**
 * Test double of {@link Clock}: time moves only when a test calls `advance`, which fires
 * every timer falling due on the way, in due order, with `now()` set to each one's due time
 * (timers scheduled while advancing fire too if they fall inside the stretch). Used where
 * real sockets must keep running on real time while backoff and period timers do not.
 * `jumpWall` sets the wall clock (`now()`) without moving the monotonic clock or any timer,
 * as an NTP step or a lost RTC does.
 */
import type { Clock } from '../../../hardware/drivers/clock';

export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, firing due timers on the way. */
  advance(ms: number): void;
  /** Timers waiting. */
  pending(): number;
  /** Steps the wall clock by `deltaMs` (either sign); monotonic time and timers stay. */
  jumpWall(deltaMs: number): void;
}

export function createManualClock(startMs: number): ManualClock {
  let nowMs = startMs;
  let wallOffsetMs = 0;
  let nextId = 1;
  const timers = new Map<number, { dueMs: number; fn: () => void; everyMs?: number }>();
  const add = (fn: () => void, ms: number, everyMs?: number) => {
    const id = nextId++;
    timers.set(id, { dueMs: nowMs + Math.max(0, ms), fn, everyMs });
    return id;
  };
  const clear = (handle: unknown) => {
    timers.delete(handle as number);
  };
  return {
    now: () => nowMs + wallOffsetMs,
    monotonicMs: () => nowMs,
    jumpWall(deltaMs) {
      wallOffsetMs += deltaMs;
    },
    setTimeout: (fn, ms) => add(fn, ms),
    clearTimeout: clear,
    setInterval: (fn, ms) => add(fn, ms, Math.max(1, ms)),
    clearInterval: clear,
    pending: () => timers.size,
    advance(ms) {
      const target = nowMs + ms;
      for (;;) {
        let nextKey: number | undefined;
        let next: { dueMs: number; fn: () => void; everyMs?: number } | undefined;
        for (const [id, timer] of timers) {
          if (timer.dueMs <= target && (next === undefined || timer.dueMs < next.dueMs)) {
            next = timer;
            nextKey = id;
          }
        }
        if (next === undefined || nextKey === undefined) break;
        nowMs = Math.max(nowMs, next.dueMs);
        if (next.everyMs === undefined) timers.delete(nextKey);
        else next.dueMs += next.everyMs;
        next.fn();
      }
      nowMs = target;
    },
  };
}
