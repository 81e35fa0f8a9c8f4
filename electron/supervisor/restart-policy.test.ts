import { describe, expect, it } from 'vitest';
import { createRestartPolicy } from './restart-policy';

describe('restart policy', () => {
  it('doubles the delay for each crash in a row, up to the maximum', () => {
    const policy = createRestartPolicy({ initialDelayMs: 250, maxDelayMs: 2_000, steadyAfterMs: 30_000 });
    expect([1, 2, 3, 4, 5, 6].map(() => policy.nextDelay(100))).toEqual([250, 500, 1_000, 2_000, 2_000, 2_000]);
  });

  it('starts over after a service that ran steadily', () => {
    const policy = createRestartPolicy();
    expect([policy.nextDelay(10), policy.nextDelay(10), policy.nextDelay(10)]).toEqual([250, 500, 1_000]);
    expect(policy.nextDelay(30_000)).toBe(250);
    expect(policy.nextDelay(29_999)).toBe(500);
  });

  it('refuses options that cannot work', () => {
    expect(() => createRestartPolicy({ initialDelayMs: 0 })).toThrow(TypeError);
    expect(() => createRestartPolicy({ initialDelayMs: 500, maxDelayMs: 100 })).toThrow(/maxDelayMs/);
  });
});
