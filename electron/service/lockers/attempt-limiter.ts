/**
 * Counts wrong guesses (pickup codes, steward PINs) at this kiosk and locks the keypad out
 * after too many in a row. A right answer resets the count; the lockout ends on its own.
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
  /** A right guess: the count starts again. */
  succeed(): void;
}

export function createAttemptLimiter(options: { now: () => number; attempts: number; lockoutMs: number }): AttemptLimiter {
  const { now, attempts, lockoutMs } = options;
  let failures = 0;
  let lockedUntil: number | null = null;
  let lockedAt = 0;

  const lockout = (): LimiterVerdict => {
    if (lockedUntil === null) return { kind: 'open' };
    const atMs = now();
    // A clock set back during a lockout must not stretch it beyond its length.
    if (atMs >= lockedUntil || atMs < lockedAt) {
      lockedUntil = null;
      failures = 0;
      return { kind: 'open' };
    }
    return { kind: 'locked-out', retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - atMs) / 1000)) };
  };

  return {
    check: lockout,
    fail() {
      const state = lockout();
      if (state.kind === 'locked-out') return { ...state, justLocked: false };
      failures += 1;
      if (failures < attempts) return { kind: 'wrong', attemptsLeft: attempts - failures };
      lockedAt = now();
      lockedUntil = lockedAt + lockoutMs;
      return { kind: 'locked-out', retryAfterSeconds: Math.max(1, Math.ceil(lockoutMs / 1000)), justLocked: true };
    },
    succeed() {
      failures = 0;
    },
  };
}
