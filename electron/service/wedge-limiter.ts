/**
 * Keeps keyboard-wedge reads to what a person at a reader can produce. A worker taps a card
 * at most about once a second, and a few people arriving together tap a handful in a row;
 * hundreds of "reads" in seconds are a program enumerating card numbers, each of which would
 * log a fake visit and hand out a card pass. Reads over the limit are refused, logged and
 * shown on the screen.
 */

/** Settings of {@link createWedgeLimiter}. */
export interface WedgeLimit {
  /** Reads allowed back to back before the rate applies. Default {@link DEFAULT_WEDGE_LIMIT}. */
  readonly burst: number;
  /** Reads per second allowed, sustained. */
  readonly perSecond: number;
}

/** Five taps at once (a group at the door), then one per second. */
export const DEFAULT_WEDGE_LIMIT: WedgeLimit = { burst: 5, perSecond: 1 };

export type WedgeVerdict =
  | { readonly kind: 'allowed' }
  /** `retryAfterMs`: when the next read would be allowed. */
  | { readonly kind: 'refused'; readonly retryAfterMs: number };

export interface WedgeLimiter {
  /** Spends one read if the budget allows it. */
  take(): WedgeVerdict;
}

/**
 * A token bucket on the wall clock. A clock that jumps back refills nothing (the bucket
 * cannot be topped up by setting the time back and forth). Throws `TypeError` on settings
 * that would allow nothing or everything.
 */
export function createWedgeLimiter(now: () => number, limit: WedgeLimit = DEFAULT_WEDGE_LIMIT): WedgeLimiter {
  if (!(Number.isInteger(limit.burst) && limit.burst >= 1)) throw new TypeError('"burst" must be a whole number ≥ 1');
  if (!(Number.isFinite(limit.perSecond) && limit.perSecond > 0)) throw new TypeError('"perSecond" must be a positive number');
  const msPerRead = 1000 / limit.perSecond;
  let tokens = limit.burst;
  let lastMs = now();
  return {
    take() {
      const atMs = now();
      if (atMs > lastMs) tokens = Math.min(limit.burst, tokens + (atMs - lastMs) / msPerRead);
      lastMs = atMs;
      if (tokens >= 1) {
        tokens -= 1;
        return { kind: 'allowed' };
      }
      return { kind: 'refused', retryAfterMs: Math.ceil((1 - tokens) * msPerRead) };
    },
  };
}
