/**
 * A device timeout that counts only time the process could hear the device.
 *
 * A timer that comes late means the event loop was stalled (a burst of synchronous
 * check-ins, a long GC). The answer the timer waits for may be sitting unread in the OS
 * buffer: after a stall libuv runs the expired timers before the poll phase that would read
 * it. So a timeout that fires more than {@link LATE_TOLERANCE_MS} late starts again, now that
 * the process can read, rather than blame the device for the process's own deafness. A stall
 * longer than the whole timeout is forgiven up to {@link MAX_STALL_RESTARTS} times (a burst
 * of taps arrives as many chunks, each holding the loop for a second or more, and an answer
 * takes a few turns of the loop to be read); a timer that is merely late, up to
 * {@link MAX_HEARD_RESTARTS} times, so a loop that is always a little late still times out
 * soon enough.
 */
import type { Clock } from './clock';
import { LATE_TOLERANCE_MS } from './silence-watch';

/** Restarts of one timeout after timers late by less than the timeout itself. */
export const MAX_HEARD_RESTARTS = 3;
/** Restarts of one timeout after stalls at least as long as the timeout itself. */
export const MAX_STALL_RESTARTS = 20;

/**
 * Calls `onTimeout` once `ms` of heard time has passed; returns the cancel function
 * (idempotent). `onTimeout` runs from a timer, never synchronously.
 */
export function setHeardTimeout(clock: Clock, ms: number, onTimeout: () => void): () => void {
  let lateRestarts = 0;
  let stallRestarts = 0;
  let handle: unknown;
  const arm = () => {
    const dueMs = clock.monotonicMs() + ms;
    handle = clock.setTimeout(() => {
      handle = undefined;
      const lateMs = clock.monotonicMs() - dueMs;
      if (lateMs >= ms && stallRestarts < MAX_STALL_RESTARTS) {
        stallRestarts += 1;
        return arm();
      }
      if (lateMs > LATE_TOLERANCE_MS && lateMs < ms && lateRestarts < MAX_HEARD_RESTARTS) {
        lateRestarts += 1;
        return arm();
      }
      onTimeout();
    }, ms);
  };
  arm();
  return () => {
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
  };
}
