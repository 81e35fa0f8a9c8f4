/**
 * The silence that ends (or truncates) a frame, measured in time the process could hear.
 *
 * A framer calls a frame truncated when no byte arrived for its gap. "Arrived" can only mean
 * "was read", and a process reads only while its event loop runs: when the loop stalls
 * (a synchronous SQLite call waiting on a lock, a long GC), a frame's tail sits in the
 * kernel, and after the stall libuv runs the expired timers before the poll phase that
 * reads the tail. Judged on the wall clock, the frame would be dropped although its bytes
 * came in time.
 *
 * So the gap runs on a "heard" clock: wall time minus the time the loop was deaf. While a
 * frame is pending, a tick runs every gap/5; a tick (or a chunk) that finds the previous
 * tick late by more than {@link LATE_TOLERANCE_MS} means the loop was stalled at some point
 * since the last on-time observation, and that whole interval is not counted. A chunk read
 * right after a stall is therefore stamped as arriving when the stall began, at the latest.
 * The cost is only that a truly stalled frame is reported up to one gap later. Time spent
 * handling what was just read (`update` after `stamp`) is not heard either: a chunk holding
 * hundreds of taps keeps the loop busy while the next frame's tail waits in the kernel.
 */
import type { Clock } from './clock';

/** A tick later than this, ms, means the loop was busy and may have missed bytes. */
export const LATE_TOLERANCE_MS = 5;
/** Most deaf time credited while one frame is pending, ms: a loop that is always late still reports truncation. */
export const MAX_DEAF_MS_PER_FRAME = 2000;

export interface SilenceWatchOptions {
  readonly clock: Clock;
  /** The framer's gap, ms. Ticks run every `gapMs / 5`. */
  readonly gapMs: number;
  /** Called on every tick with the heard time: pass it to `framer.flush`. */
  readonly onTick: (heardMs: number) => void;
}

/**
 * Guarantees: `stamp()` and the ticks' times never decrease; a stall of the loop longer than
 * `LATE_TOLERANCE_MS` while a frame is pending is not counted as silence (up to
 * `MAX_DEAF_MS_PER_FRAME` per frame); no timer runs while `stop()`ped.
 */
export class SilenceWatch {
  private readonly tickMs: number;
  private deafMs = 0;
  private deafThisFrame = 0;
  private lastMarkWall = Number.NEGATIVE_INFINITY;
  private dueWall: number | null = null;
  private timer: unknown;
  private lastHeard = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: SilenceWatchOptions) {
    this.tickMs = Math.max(1, options.gapMs / 5);
  }

  /** The heard time for bytes read just now. */
  stamp(): number {
    return this.observe();
  }

  /**
   * Keep ticking while the framer holds a partial frame; stop when it holds nothing. Call it
   * once the bytes stamped last are handled: the time that handling took (every check-in of a
   * chunk full of taps) is time the process could not read, so it is not counted as silence.
   */
  update(pending: boolean): void {
    if (!pending) return this.stop();
    if (this.dueWall === null) this.deafThisFrame = 0;
    const wall = this.options.clock.now();
    const busyMs = wall - this.lastMarkWall;
    // Certain deafness (our own code ran), unlike a late tick's: not capped per frame.
    if (Number.isFinite(busyMs) && busyMs > LATE_TOLERANCE_MS) this.deafMs += busyMs;
    this.lastMarkWall = Math.max(this.lastMarkWall, wall);
    this.schedule();
  }

  stop(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.dueWall = null;
  }

  private schedule(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.dueWall = this.options.clock.now() + this.tickMs;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = undefined;
      this.options.onTick(this.observe());
    }, this.tickMs);
  }

  /** Accounts for a stall seen now, then gives the heard time. */
  private observe(): number {
    const wall = this.options.clock.now();
    if (this.dueWall !== null && wall - this.dueWall > LATE_TOLERANCE_MS) {
      // We cannot tell when in the interval the stall began: none of it counts as heard.
      const credit = Math.min(Math.max(0, wall - this.lastMarkWall), MAX_DEAF_MS_PER_FRAME - this.deafThisFrame);
      this.deafMs += credit;
      this.deafThisFrame += credit;
      // Not due again until the next schedule: one stall is credited once.
      this.dueWall = wall;
    }
    this.lastMarkWall = wall;
    // A clock stepped back (wall time) must not take the framer back in time.
    this.lastHeard = Math.max(this.lastHeard, wall - this.deafMs);
    return this.lastHeard;
  }
}
