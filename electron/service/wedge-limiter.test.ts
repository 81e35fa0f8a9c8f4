import { describe, expect, it } from 'vitest';
import { createWedgeLimiter } from './wedge-limiter';

describe('wedge limiter', () => {
  it('allows the burst, refuses the next read, then one read per second', () => {
    let t = 1_000_000;
    const limiter = createWedgeLimiter(() => t, { burst: 3, perSecond: 1 });
    expect([limiter.take(), limiter.take(), limiter.take()].map((v) => v.kind)).toEqual(['allowed', 'allowed', 'allowed']);
    expect(limiter.take()).toEqual({ kind: 'refused', retryAfterMs: 1000 });
    t += 400;
    expect(limiter.take()).toEqual({ kind: 'refused', retryAfterMs: 600 });
    t += 600;
    expect(limiter.take().kind).toBe('allowed');
    expect(limiter.take().kind).toBe('refused');
    t += 10_000;
    expect([limiter.take(), limiter.take(), limiter.take(), limiter.take()].map((v) => v.kind)).toEqual(['allowed', 'allowed', 'allowed', 'refused']);
  });

  it('a person tapping once a second is never refused', () => {
    let t = 0;
    const limiter = createWedgeLimiter(() => t);
    for (let i = 0; i < 100; i++, t += 1000) expect(limiter.take().kind).toBe('allowed');
  });

  it('a clock set back refills nothing', () => {
    let t = 50_000;
    const limiter = createWedgeLimiter(() => t, { burst: 1, perSecond: 1 });
    expect(limiter.take().kind).toBe('allowed');
    t -= 30_000;
    expect(limiter.take().kind).toBe('refused');
    t += 1000;
    expect(limiter.take().kind).toBe('allowed');
  });

  it.each([{ burst: 0, perSecond: 1 }, { burst: 2, perSecond: 0 }, { burst: 1.5, perSecond: 1 }, { burst: 1, perSecond: Infinity }])(
    'refuses settings %o',
    (limit) => {
      expect(() => createWedgeLimiter(() => 0, limit)).toThrow(TypeError);
    },
  );
});
