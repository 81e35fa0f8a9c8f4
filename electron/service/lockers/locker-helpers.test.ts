import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from './attempt-limiter';
import { createCardPasses, MAX_LIVE_PASSES } from './card-passes';
import { hashPickupCode, randomPickupCode, uniquePickupCode } from './pickup-codes';

describe('card passes', () => {
  it('are 32 random hex characters, bound to one card, valid for their lifetime only', () => {
    const clock = { ms: 1000 };
    const passes = createCardPasses({ now: () => clock.ms, lifetimeMs: 180_000 });
    const a = passes.issue(7);
    const b = passes.issue(7);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
    expect(passes.resolve(a)).toBe(7);
    expect(passes.resolve('0'.repeat(32))).toBeNull();
    passes.spend(a);
    expect(passes.resolve(a)).toBeNull();
    clock.ms += 179_999;
    expect(passes.resolve(b)).toBe(7);
    clock.ms += 1;
    expect(passes.resolve(b)).toBeNull();
  });

  it('a clock set back by more than the lifetime voids a pass', () => {
    const clock = { ms: 1_000_000 };
    const passes = createCardPasses({ now: () => clock.ms, lifetimeMs: 180_000 });
    const pass = passes.issue(1);
    clock.ms -= 180_001;
    expect(passes.resolve(pass)).toBeNull();
  });

  it('hold at most MAX_LIVE_PASSES, dropping the oldest', () => {
    const passes = createCardPasses({ now: () => 0, lifetimeMs: 180_000 });
    const first = passes.issue(1);
    for (let i = 0; i < MAX_LIVE_PASSES + 100; i += 1) passes.issue(i);
    expect(passes.size).toBe(MAX_LIVE_PASSES);
    expect(passes.resolve(first)).toBeNull();
  });
});

describe('attempt limiter', () => {
  it('counts down, locks out, and a clock set back ends the lockout instead of stretching it', () => {
    const clock = { ms: 10_000 };
    const limiter = createAttemptLimiter({ now: () => clock.ms, attempts: 2, lockoutMs: 60_000 });
    expect(limiter.fail()).toEqual({ kind: 'wrong', attemptsLeft: 1 });
    expect(limiter.fail()).toEqual({ kind: 'locked-out', retryAfterSeconds: 60, justLocked: true });
    expect(limiter.fail()).toEqual({ kind: 'locked-out', retryAfterSeconds: 60, justLocked: false });
    clock.ms -= 1;
    expect(limiter.check()).toEqual({ kind: 'open' });
    expect(limiter.fail()).toEqual({ kind: 'wrong', attemptsLeft: 1 });
  });
});

describe('pickup codes', () => {
  it('are 6 digits with leading zeros, hashed with the key and a prefix', () => {
    for (let i = 0; i < 200; i += 1) expect(randomPickupCode()).toMatch(/^[0-9]{6}$/);
    const key = Buffer.alloc(32, 1);
    expect(hashPickupCode(key, '000123')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPickupCode(key, '000123')).not.toBe(hashPickupCode(Buffer.alloc(32, 2), '000123'));
    expect(hashPickupCode(key, '000123')).not.toBe(hashPickupCode(key, '123'));
  });

  it('skip codes that are live, and give up rather than loop forever', () => {
    const key = Buffer.alloc(32, 1);
    const sequence = ['111111', '111111', '222222'];
    const live = new Set([hashPickupCode(key, '111111')]);
    expect(uniquePickupCode(key, (h) => live.has(h), () => sequence.shift() ?? '999999')).toEqual({ code: '222222', hash: hashPickupCode(key, '222222') });
    expect(() => uniquePickupCode(key, () => true)).toThrow('Could not find a pickup code that is not in use');
  });
});
