/**
 * When the night shade is on: inside the schedule's dim hours (wall clock, local time) and
 * not within `wakeSeconds` of the last touch or card tap (measured on the monotonic clock,
 * so a clock step never keeps the screen lit or dark). Re-checked every `checkEveryMs`.
 */
import { isDimHour, type DimSchedule } from '../../common/screen-dimming';

export interface NightDimOptions {
  readonly schedule: DimSchedule;
  /** Called with the new state whenever it changes (and once at start). */
  readonly onChange: (dimmed: boolean) => void;
  /** How often the hours are looked at, ms. Default 5000. */
  readonly checkEveryMs?: number;
  readonly now?: () => Date;
  readonly monotonicMs?: () => number;
}

export interface NightDimWatch {
  /** A touch or a tap: bright at once, for `wakeSeconds`. */
  wake(): void;
  readonly dimmed: boolean;
  /** Stops checking. Idempotent. */
  stop(): void;
}

export function watchNightDim(options: NightDimOptions): NightDimWatch {
  const now = options.now ?? (() => new Date());
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const wakeMs = options.schedule.wakeSeconds * 1000;
  let wokeAt: number | null = null;
  let dimmed: boolean | null = null;

  const apply = () => {
    const awake = wokeAt !== null && monotonicMs() - wokeAt < wakeMs;
    const next = !awake && isDimHour(options.schedule, now());
    if (next === dimmed) return;
    dimmed = next;
    options.onChange(next);
  };
  apply();
  const timer = setInterval(apply, options.checkEveryMs ?? 5000);
  return {
    wake() {
      wokeAt = monotonicMs();
      apply();
    },
    get dimmed() {
      return dimmed === true;
    },
    stop: () => clearInterval(timer),
  };
}
