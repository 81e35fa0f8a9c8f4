/**
 * Night dimming's section of the station contract (see `contract.ts`): a station may dim its
 * screen in set hours of the night. Dimmed is never black: the page lays a translucent shade
 * over everything, at most {@link MAX_DIM_LEVEL} dark, and a touch or a card tap lifts it at
 * once for {@link ScreenDimming.wakeSeconds}; the touch or tap still does what it does.
 */
import * as z from 'zod/mini';
import { method, noInput } from './contract-method';

/** The darkest shade allowed (opacity of black over the page): the screen stays readable. */
export const MAX_DIM_LEVEL = 0.7;

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

export const dimScheduleSchema = z.object({
  /** Local time the shade comes on, `HH:MM`. */
  from: hhmm,
  /** Local time it goes off, `HH:MM`; before `from` means over midnight. Equal to `from`: never. */
  to: hhmm,
  /** Opacity of the shade, 0.1 (barely) to {@link MAX_DIM_LEVEL}. */
  level: z.number().check(z.gte(0.1), z.lte(MAX_DIM_LEVEL)),
  /** Seconds a touch or tap keeps the screen bright before it dims again. */
  wakeSeconds: z.int().check(z.gte(5), z.lte(3600)),
});
export type DimSchedule = z.infer<typeof dimScheduleSchema>;

export const screenDimmingSchema = z.object({ schedule: z.nullable(dimScheduleSchema) });
/** The station's dimming; `schedule: null` never dims. */
export type ScreenDimming = z.infer<typeof screenDimmingSchema>;

export const screenDimmingMethods = {
  /** Whether and when the screen dims at night. Answers from the settings; no storage. */
  getScreenDimming: method(noInput, screenDimmingSchema),
};

function minuteOf(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** Whether `at` (local time) is inside the schedule's dim hours. Pure. */
export function isDimHour(schedule: Pick<DimSchedule, 'from' | 'to'>, at: Date): boolean {
  const from = minuteOf(schedule.from);
  const to = minuteOf(schedule.to);
  const minute = at.getHours() * 60 + at.getMinutes();
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}
