/**
 * The answers the console asks for before a section mounts: today's usage report, asked when
 * the console opens and again when the Usage tab is pressed if that one has aged, so the
 * report and the section's first render happen together rather than one after the other.
 * One per signed-in session; the console clears it when the session ends.
 */
import type { StationClient } from '../../common/contract';
import type { Result } from '../../common/result';
import type { UsageRange, UsageReport } from '../../common/usage';
import { createAnswerCache, type AnswerCache } from './answer-cache';

/** The range the Usage section opens on. */
export const DEFAULT_USAGE_RANGE: UsageRange = 'today';

/**
 * How long an early answer may be shown, ms: about the time between signing in and pressing
 * a tab; an older one is asked again, so the figures shown are never older than this.
 */
export const PREFETCH_MAX_AGE_MS = 5_000;

export interface ConsolePrefetch {
  readonly usage: AnswerCache<UsageRange, Result<UsageReport>>;
  /** Drops every early answer (sign-out, idle, a worker's tap: the console unmounting). */
  clear(): void;
}

export function createConsolePrefetch(client: StationClient, session: string, now: () => number = () => performance.now()): ConsolePrefetch {
  const usage = createAnswerCache<UsageRange, Result<UsageReport>>({
    ask: (range) => client.getUsage({ session, range }),
    now,
    maxAgeMs: PREFETCH_MAX_AGE_MS,
  });
  return { usage, clear: () => usage.clear() };
}
