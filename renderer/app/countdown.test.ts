import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from './countdown';

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks 15 … 1 once a second and finishes at exactly 15 s', () => {
    const ticks: number[] = [];
    let done = 0;
    new Countdown({ durationMs: 15_000, onTick: (s) => ticks.push(s), onDone: () => (done += 1) }).start();
    expect(ticks).toEqual([15]);
    vi.advanceTimersByTime(14_999);
    expect(ticks).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(done).toBe(0);
    vi.advanceTimersByTime(1);
    expect(done).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(done).toBe(1);
  });

  it('a timer that fires late (a loaded machine) does not stretch the deadline', () => {
    const ticks: number[] = [];
    let done = 0;
    let clock = 0;
    const pending: (() => void)[] = [];
    const countdown = new Countdown({
      durationMs: 5000,
      onTick: (s) => ticks.push(s),
      onDone: () => (done += 1),
      now: () => clock,
      timers: { setTimeout: (fn) => pending.push(fn), clearTimeout: () => undefined },
    });
    countdown.start();
    // The first wake-up comes 4.2 s late: the next number shown is what is really left.
    clock = 5200 - 1000;
    pending.shift()?.();
    expect(ticks).toEqual([5, 1]);
    clock = 5000;
    pending.shift()?.();
    expect(done).toBe(1);
  });

  it('stop() cancels it; start() again counts from the full length', () => {
    let done = 0;
    const ticks: number[] = [];
    const countdown = new Countdown({ durationMs: 3000, onTick: (s) => ticks.push(s), onDone: () => (done += 1) });
    countdown.start();
    vi.advanceTimersByTime(2500);
    countdown.stop();
    vi.advanceTimersByTime(10_000);
    expect(done).toBe(0);
    countdown.start();
    vi.advanceTimersByTime(2999);
    expect(done).toBe(0);
    vi.advanceTimersByTime(1);
    expect(done).toBe(1);
    expect(ticks).toEqual([3, 2, 1, 3, 2, 1]);
  });
});
