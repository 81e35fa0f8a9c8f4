/**
 * A visible countdown to a fixed deadline: reports the whole seconds left each time that
 * number changes, and calls `onDone` once at the deadline. It is not restarted by touches
 * (unlike `IdleTimer`): a personal screen lasts as long as the card pass behind it. Times are
 * read from `now()` at every tick, so a late timer (a loaded machine) never stretches it.
 */
import type { TimerApi } from './idle-timer';

const globalTimers: TimerApi = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CountdownOptions {
  /** Length, ms; counted from `start()`. */
  readonly durationMs: number;
  /** Whole seconds left (≥ 1), called at the start and whenever the number drops. */
  readonly onTick: (secondsLeft: number) => void;
  /** Called once at the deadline. */
  readonly onDone: () => void;
  readonly timers?: TimerApi;
  readonly now?: () => number;
}

export class Countdown {
  private handle: unknown = undefined;
  private deadline = 0;
  private readonly timers: TimerApi;
  private readonly now: () => number;

  constructor(private readonly options: CountdownOptions) {
    this.timers = options.timers ?? globalTimers;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stop();
    this.deadline = this.now() + this.options.durationMs;
    this.tick();
  }

  stop(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private tick(): void {
    this.handle = undefined;
    const left = this.deadline - this.now();
    if (left <= 0) {
      this.options.onDone();
      return;
    }
    this.options.onTick(Math.ceil(left / 1000));
    // Wake when the shown number next changes (or at the deadline).
    this.handle = this.timers.setTimeout(() => this.tick(), ((left - 1) % 1000) + 1);
  }
}
