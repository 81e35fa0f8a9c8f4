import type { Clock } from '../drivers/clock';

/** A clock for driver tests under vitest's fake timers, whose event loop can be made to stall. */
export interface StallingClock {
  readonly clock: Clock;
  /** Moves time on by `ms` without running a timer or reading a byte, as a burst of synchronous check-ins does. */
  stall(ms: number): void;
  /** Makes every timer from now on run `ms` late (a loop that is always busy). */
  lateBy(ms: number): void;
}

/** The faked globals (looked up on every call, like `systemClock`) plus the stalls. */
export function stallingClock(): StallingClock {
  let skewMs = 0;
  let lateMs = 0;
  const clock: Clock = {
    now: () => Date.now() + skewMs,
    monotonicMs: () => performance.now() + skewMs,
    setTimeout: (fn, ms) => setTimeout(() => {
      skewMs += lateMs;
      fn();
    }, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  };
  return { clock, stall: (ms) => void (skewMs += ms), lateBy: (ms) => void (lateMs = ms) };
}
