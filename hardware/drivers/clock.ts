/**
 * Timers and time for drivers, injectable so tests can drive them. The default looks the
 * globals up on every call, so `vi.useFakeTimers()` installed after construction still works.
 */
export interface Clock {
  /** Wall-clock epoch ms (Date.now()): for timestamps that are stored or shown. */
  now(): number;
  /**
   * Monotonic ms with sub-millisecond resolution (performance.now()): for durations and
   * timing on the wire. Never jumps when the wall clock is set; not an epoch.
   */
  monotonicMs(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonicMs: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
};
