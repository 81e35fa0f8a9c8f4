/**
 * The steward console's usage section: visits, workers, charging and join interest over
 * today, the last 7 or the last 30 local days. Counts only; no card ids or hashes leave the
 * service.
 */
import * as z from 'zod/mini';
import { method } from './contract-method';
import { withStewardSession } from './steward-session';

/** Today, or the last 7 / 30 local days including today. */
export const usageRangeSchema = z.enum(['today', '7d', '30d']);
export type UsageRange = z.infer<typeof usageRangeSchema>;

const count = z.int().check(z.nonnegative());
const memberGuest = z.object({ members: count, guests: count });

/** One local calendar day of the range. */
export const usageDaySchema = z.object({
  /** Local midnight, epoch ms. */
  startMs: z.int(),
  /** `YYYY-MM-DD`, local. */
  date: z.string(),
  members: count,
  guests: count,
});

export const usageReportSchema = z.object({
  range: usageRangeSchema,
  /** Local midnight that starts the range, epoch ms (inclusive). */
  startMs: z.int(),
  /** The local midnight after today, epoch ms (exclusive). */
  endMs: z.int(),
  /** Visits by local hour of day (index 0–23), summed over the range's days. */
  byHour: z.array(memberGuest),
  /** Visits per local day, oldest first. */
  byDay: z.array(usageDaySchema),
  members: count,
  guests: count,
  /** Distinct member cards that visited. */
  uniqueWorkers: count,
  /** Distinct visiting workers by the category they chose; `unanswered` when they skipped. */
  categories: z.object({
    'food-delivery': count,
    courier: count,
    'ride-hailing': count,
    sanitation: count,
    other: count,
    unanswered: count,
  }),
  /** Locker sessions claimed in the range; the average over those that ended, whole minutes (null when none). */
  charging: z.object({ sessions: count, ended: count, averageMinutes: z.nullable(count) }),
  /** Taps on "join the union" (attract and guest screens). */
  joinInterest: count,
  /** Wish-wall posts; 0 where the station has no wish wall. */
  wishPosts: count,
});
export type UsageReport = z.infer<typeof usageReportSchema>;

export const usageMethods = {
  /** The usage report for a range. `forbidden` without a live steward session. */
  getUsage: method(withStewardSession({ range: usageRangeSchema }), usageReportSchema),
} as const;
