/**
 * Retrying a write that met another connection's lock, without freezing the service.
 *
 * better-sqlite3 is synchronous: while SQLite's busy handler waits for a lock, the whole
 * event loop waits with it (page calls, reader bytes, door timers). So the connection's busy
 * timeout is short ({@link BUSY_TIMEOUT_MS}) and a write that still finds the database
 * locked is tried again after an asynchronous pause, with backoff, for a bounded time.
 * The work passed in must be one transaction (or read-only), so a failed attempt left
 * nothing behind and trying again is safe.
 */

/** How long one attempt lets SQLite wait for a lock, ms: the longest the event loop is held. */
export const BUSY_TIMEOUT_MS = 10;
/**
 * Pauses between attempts, ms; the last repeats. Under a held lock each attempt blocks the
 * loop for the busy timeout, so at most ~1/10 of the loop's time goes to waiting on it.
 */
export const BUSY_BACKOFF_MS: readonly number[] = [5, 10, 20, 40, 80, 100];
/** Longest a write keeps trying, ms, before its caller is told it could not be saved. */
export const BUSY_RETRY_BUDGET_MS = 4000;

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT), and SQLITE_LOCKED. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export interface BusyRetryOptions {
  /** Default {@link BUSY_RETRY_BUDGET_MS}. */
  readonly budgetMs?: number;
  /** Monotonic ms. Default `performance.now`. */
  readonly now?: () => number;
  /** Default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `work`; while it throws a busy error and the budget lasts, waits and runs it again.
 * Resolves with its value; rejects with its last error (busy or not).
 */
export async function retryWhileBusy<T>(work: () => T, options: BusyRetryOptions = {}): Promise<T> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const budgetMs = options.budgetMs ?? BUSY_RETRY_BUDGET_MS;
  const started = now();
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (error) {
      const pause = BUSY_BACKOFF_MS[Math.min(attempt, BUSY_BACKOFF_MS.length - 1)] ?? 100;
      if (!isBusyError(error) || now() - started + pause > budgetMs) throw error;
      await sleep(pause);
    }
  }
}
