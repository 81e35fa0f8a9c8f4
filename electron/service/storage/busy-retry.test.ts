import { describe, expect, it } from 'vitest';
import { BUSY_RETRY_BUDGET_MS, isBusyError, retryWhileBusy } from './busy-retry';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

/** A clock that moves only when the retry sleeps, so the test runs no real timers. */
function virtualTime() {
  let t = 0;
  const pauses: number[] = [];
  return { pauses, now: () => t, sleep: async (ms: number) => void (pauses.push(ms), (t += ms)) };
}

describe('retryWhileBusy', () => {
  it('tries again with growing pauses until the lock is gone', async () => {
    const time = virtualTime();
    let calls = 0;
    const value = await retryWhileBusy(() => {
      calls += 1;
      if (calls < 8) throw busy();
      return 'saved';
    }, time);
    expect(value).toBe('saved');
    expect(time.pauses).toEqual([5, 10, 20, 40, 80, 100, 100]);
  });

  it('gives up with the busy error once the budget is spent', async () => {
    const time = virtualTime();
    await expect(retryWhileBusy(() => { throw busy(); }, time)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    const waited = time.pauses.reduce((a, b) => a + b, 0);
    expect(waited).toBeLessThanOrEqual(BUSY_RETRY_BUDGET_MS);
    expect(waited).toBeGreaterThan(BUSY_RETRY_BUDGET_MS - 100);
  });

  it('does not retry other errors', async () => {
    const time = virtualTime();
    await expect(retryWhileBusy(() => { throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }); }, time)).rejects.toThrow('disk I/O error');
    expect(time.pauses).toEqual([]);
    expect([isBusyError(busy()), isBusyError({ code: 'SQLITE_BUSY_SNAPSHOT' }), isBusyError({ code: 'SQLITE_LOCKED' }), isBusyError(null)]).toEqual([true, true, true, false]);
  });
});
