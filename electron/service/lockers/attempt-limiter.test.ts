import { describe, expect, it } from 'vitest';
import { createAttemptLimiter, lockoutLengthMs, MAX_LOCKOUT_MS, memoryAttemptState } from './attempt-limiter';

const MIN = 60_000;

describe('attempt limiter', () => {
  it('escalates 5 min, 15 min, 1 h, 4 h, 24 h and stays at the 24 h cap', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => lockoutLengthMs(5 * MIN, n) / MIN)).toEqual([5, 15, 60, 240, 1440, 1440, 1440]);
    // A longer base reaches the cap sooner and never passes it.
    expect(lockoutLengthMs(60 * MIN, 4)).toBe(MAX_LOCKOUT_MS);
  });

  it('keeps its state in the store it is given, so a new limiter over the same store carries on', () => {
    let t = 1_000_000;
    const state = memoryAttemptState();
    const make = () => createAttemptLimiter({ now: () => t, attempts: 2, lockoutMs: 5 * MIN, state });
    expect(make().fail()).toEqual({ kind: 'wrong', attemptsLeft: 1 });
    expect(make().fail()).toEqual({ kind: 'locked-out', retryAfterSeconds: 300, justLocked: true });
    t += MIN;
    expect(make().check()).toEqual({ kind: 'locked-out', retryAfterSeconds: 240 });
    t += 4 * MIN;
    expect(make().check()).toEqual({ kind: 'open' });
    make().fail();
    expect(make().fail()).toEqual({ kind: 'locked-out', retryAfterSeconds: 900, justLocked: true });
  });

  it('a clock set back during a lockout ends it rather than stretching it', () => {
    let t = 10 * MIN;
    const limiter = createAttemptLimiter({ now: () => t, attempts: 1, lockoutMs: 5 * MIN });
    limiter.fail();
    t = 0;
    expect(limiter.check()).toEqual({ kind: 'open' });
  });
});
