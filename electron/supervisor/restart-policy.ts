/**
 * When the supervisor starts the station service again after it stopped: soon after a first
 * crash (the screen is saying "reconnecting"), slower and slower while it keeps crashing, and
 * soon again once it has run steadily for a while.
 */

/** Options of {@link createRestartPolicy}; all in ms. */
export interface RestartPolicyOptions {
  /** Delay before the first restart. Default 250. */
  readonly initialDelayMs?: number;
  /** Longest delay; each crash in a row doubles the last one up to this. Default 10 000. */
  readonly maxDelayMs?: number;
  /** A service that ran this long before it stopped counts as steady: the delay starts over. Default 30 000. */
  readonly steadyAfterMs?: number;
}

/** Pure: the caller passes how long the stopped service had run. */
export interface RestartPolicy {
  /** The delay before the next start, in ms, for a service that ran `uptimeMs` before it stopped. */
  nextDelay(uptimeMs: number): number;
}

export function createRestartPolicy(options: RestartPolicyOptions = {}): RestartPolicy {
  const initial = options.initialDelayMs ?? 250;
  const max = options.maxDelayMs ?? 10_000;
  const steadyAfter = options.steadyAfterMs ?? 30_000;
  if (!(initial > 0) || !(max >= initial)) throw new TypeError('"initialDelayMs" must be > 0 and <= "maxDelayMs"');
  let crashesInARow = 0;
  return {
    nextDelay(uptimeMs) {
      crashesInARow = uptimeMs >= steadyAfter ? 1 : crashesInARow + 1;
      return Math.min(max, initial * 2 ** (crashesInARow - 1));
    },
  };
}
