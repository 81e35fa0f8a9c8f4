/**
 * Calls `onIdle` once after `timeoutMs` without a `poke()`. Kept apart from React so the
 * timing can be tested with fake timers; `use-idle-timeout` wires it to the page.
 */

/** Timer functions, injectable for tests; defaults to the global ones. */
export interface TimerApi {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: TimerApi = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class IdleTimer {
  private handle: unknown = undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
    private readonly timers: TimerApi = globalTimers,
  ) {}

  /** Activity: start counting again from zero. */
  poke(): void {
    this.stop();
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      this.onIdle();
    }, this.timeoutMs);
  }

  stop(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  get running(): boolean {
    return this.handle !== undefined;
  }
}
