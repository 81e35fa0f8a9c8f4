import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stallingClock } from '../testing/stalling-clock';
import { MAX_HEARD_RESTARTS, MAX_STALL_RESTARTS, setHeardTimeout } from './heard-timeout';
import { LATE_TOLERANCE_MS } from './silence-watch';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('setHeardTimeout', () => {
  it('fires after the timeout when its timer is on time, or late by no more than the tolerance', async () => {
    const { clock, lateBy } = stallingClock();
    let fired = 0;
    setHeardTimeout(clock, 200, () => (fired += 1));
    await vi.advanceTimersByTimeAsync(199);
    expect(fired).toBe(0);
    lateBy(LATE_TOLERANCE_MS);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toBe(1);
  });

  it('starts again after a stall past its deadline, so the answer read next still counts', async () => {
    const { clock, stall } = stallingClock();
    let fired = 0;
    setHeardTimeout(clock, 200, () => (fired += 1));
    stall(5_000);
    await vi.advanceTimersByTimeAsync(200);
    expect(fired).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(fired).toBe(1);
  });

  it('gives up on a loop that is always late: a little late 3 times, stalled 20 times', async () => {
    const slightly = stallingClock();
    let fired = 0;
    slightly.lateBy(50);
    setHeardTimeout(slightly.clock, 200, () => (fired += 1));
    await vi.advanceTimersByTimeAsync(200 * (1 + MAX_HEARD_RESTARTS) - 1);
    expect(fired).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toBe(1);

    const stalled = stallingClock();
    stalled.lateBy(1_000);
    setHeardTimeout(stalled.clock, 200, () => (fired += 1));
    await vi.advanceTimersByTimeAsync(200 * (1 + MAX_STALL_RESTARTS) - 1);
    expect(fired).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toBe(2);
  });

  it('never fires once cancelled', async () => {
    const { clock, stall } = stallingClock();
    let fired = 0;
    const cancel = setHeardTimeout(clock, 200, () => (fired += 1));
    stall(500);
    await vi.advanceTimersByTimeAsync(200);
    cancel();
    cancel();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fired).toBe(0);
  });
});
