/**
 * Counts wrong guesses (pickup codes, steward PINs) for one target and locks it out after
 * too many in a row, for longer each time. The count lives in SQLite (see attempt-store.ts),
 * so restarting the station gives no fresh tries.
 *
 * Escalation, with the default base of 5 minutes and 5 tries per round: 5 wrong → 5 min,
 * then 15 min, 1 h, 4 h, and 24 h for every later lockout, until a right answer (or, for a
 * locker, a steward or a new session) resets it.
 *
 * The maths for a 4-digit steward PIN (10,000 values, 5,000 guesses expected to find it):
 * the first 4 lockouts allow 25 guesses in 5 h 20 min; from then on 5 guesses per 24 h, so
 * the expected time is about (5,000 − 25) / 5 ≈ 995 days ≈ 2.7 years, and a 1 % chance
 * (100 guesses) takes about 15 days, which stewards see in the audit log long before.
 * A 6-digit pickup code is tried per locker: 500,000 guesses expected, ~270 years, against
 * a session that lasts hours.
 */

export type LimiterVerdict =
  | { readonly kind: 'open' }
  | { readonly kind: 'locked-out'; /** Whole seconds, at least 1. */ readonly retryAfterSeconds: number };

export type FailureVerdict =
  | { readonly kind: 'wrong'; readonly attemptsLeft: number }
  | { readonly kind: 'locked-out'; readonly retryAfterSeconds: number; /** True on the failure that started it. */ readonly justLocked: boolean };

export interface AttemptLimiter {
  /** Whether a guess may be tried now. */
  check(): LimiterVerdict;
  /** A wrong guess: how many remain, or the lockout it started. */
  fail(): FailureVerdict;
  /** A right guess: the count and the escalation start again. */
  succeed(): void;
}

/** What is remembered about one target. Times are epoch ms. */
export interface AttemptState {
  /** Wrong guesses since the last lockout ended or the last right guess. */
  readonly failures: number;
  /** Lockouts since the last right guess; picks the next lockout's length. */
  readonly lockouts: number;
  readonly lockedAtMs: number | null;
  readonly lockedUntilMs: number | null;
}

export const FRESH_ATTEMPTS: AttemptState = { failures: 0, lockouts: 0, lockedAtMs: null, lockedUntilMs: null };

/** Where one target's state is kept; reads and writes are synchronous and durable. */
export interface AttemptStateStore {
  load(): AttemptState;
  save(state: AttemptState): void;
}

/** Lengths of the 1st, 2nd, … lockout as multiples of the base; later ones use the last. */
export const LOCKOUT_STEPS: readonly number[] = [1, 3, 12, 48, 288];
/** No lockout is longer than this, ms. */
export const MAX_LOCKOUT_MS = 24 * 60 * 60_000;

/** Length of lockout number `n` (1-based), ms. */
export function lockoutLengthMs(baseMs: number, n: number): number {
  const step = LOCKOUT_STEPS[Math.min(n, LOCKOUT_STEPS.length) - 1] ?? 1;
  return Math.min(baseMs * step, MAX_LOCKOUT_MS);
}

/** Keeps state in memory only; for tests and places that must not outlive the process. */
export function memoryAttemptState(initial: AttemptState = FRESH_ATTEMPTS): AttemptStateStore {
  let state = initial;
  return { load: () => state, save: (next) => (state = next) };
}

export function createAttemptLimiter(options: {
  now: () => number;
  /** Wrong guesses in a row that start a lockout. */
  attempts: number;
  /** Length of the first lockout, ms; later ones escalate ({@link lockoutLengthMs}). */
  lockoutMs: number;
  /** Default: in memory. */
  state?: AttemptStateStore;
}): AttemptLimiter {
  const { now, attempts, lockoutMs } = options;
  const store = options.state ?? memoryAttemptState();

  /** The state at `atMs`, with an ended lockout cleared (and saved). */
  const current = (atMs: number): AttemptState => {
    const state = store.load();
    if (state.lockedUntilMs === null) return state;
    // A clock set back during a lockout must not stretch it beyond its length.
    if (atMs >= state.lockedUntilMs || atMs < (state.lockedAtMs ?? 0)) {
      const next = { ...state, failures: 0, lockedAtMs: null, lockedUntilMs: null };
      store.save(next);
      return next;
    }
    return state;
  };
  const retryAfter = (untilMs: number, atMs: number) => Math.max(1, Math.ceil((untilMs - atMs) / 1000));

  return {
    check() {
      const atMs = now();
      const state = current(atMs);
      return state.lockedUntilMs === null ? { kind: 'open' } : { kind: 'locked-out', retryAfterSeconds: retryAfter(state.lockedUntilMs, atMs) };
    },
    fail() {
      const atMs = now();
      const state = current(atMs);
      if (state.lockedUntilMs !== null) return { kind: 'locked-out', retryAfterSeconds: retryAfter(state.lockedUntilMs, atMs), justLocked: false };
      const failures = state.failures + 1;
      if (failures < attempts) {
        store.save({ ...state, failures });
        return { kind: 'wrong', attemptsLeft: attempts - failures };
      }
      const lockouts = state.lockouts + 1;
      const lengthMs = lockoutLengthMs(lockoutMs, lockouts);
      store.save({ failures: 0, lockouts, lockedAtMs: atMs, lockedUntilMs: atMs + lengthMs });
      return { kind: 'locked-out', retryAfterSeconds: retryAfter(atMs + lengthMs, atMs), justLocked: true };
    },
    succeed() {
      const state = store.load();
      if (state.failures !== 0 || state.lockouts !== 0) store.save(FRESH_ATTEMPTS);
    },
  };
}
