import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isDimHour } from '../../common/screen-dimming';
import { watchNightDim } from './night-dim';

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00`);
const SCHEDULE = { from: '22:00', to: '06:00', level: 0.5, wakeSeconds: 120 };

describe('night dimming hours', () => {
  it.each([
    ['21:59', false], ['22:00', true], ['23:59', true], ['00:00', true], ['05:59', true], ['06:00', false], ['12:00', false],
  ])('over midnight 22:00–06:00: %s dimmed %s', (time, dimmed) => {
    expect(isDimHour(SCHEDULE, at(time))).toBe(dimmed);
  });

  it('within a day, and equal from/to never dims', () => {
    expect(isDimHour({ from: '01:00', to: '05:00' }, at('00:59'))).toBe(false);
    expect(isDimHour({ from: '01:00', to: '05:00' }, at('01:00'))).toBe(true);
    expect(isDimHour({ from: '01:00', to: '05:00' }, at('05:00'))).toBe(false);
    expect(isDimHour({ from: '03:00', to: '03:00' }, at('03:00'))).toBe(false);
  });
});

describe('night dim watch (fake timers: Date and performance.now)', () => {
  beforeEach(() => vi.useFakeTimers({ now: at('21:59') }));
  afterEach(() => vi.useRealTimers());

  it('dims at the set time, wakes at once on a touch, dims again after wakeSeconds, lifts at 06:00', () => {
    const changes: boolean[] = [];
    const watch = watchNightDim({ schedule: SCHEDULE, onChange: (d) => changes.push(d), checkEveryMs: 5000 });
    expect(changes).toEqual([false]);
    vi.advanceTimersByTime(59_000);
    expect(watch.dimmed).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(watch.dimmed).toBe(true);
    watch.wake();
    // At once, not at the next check.
    expect(changes).toEqual([false, true, false]);
    vi.advanceTimersByTime(115_000);
    expect(watch.dimmed).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(watch.dimmed).toBe(true);
    vi.setSystemTime(at('06:00'));
    vi.advanceTimersByTime(5000);
    expect(changes).toEqual([false, true, false, true, false]);
    watch.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a wall clock stepped back an hour during the wake time does not keep the screen lit longer', () => {
    vi.setSystemTime(at('23:00'));
    const watch = watchNightDim({ schedule: SCHEDULE, onChange: () => undefined, checkEveryMs: 5000 });
    watch.wake();
    vi.setSystemTime(new Date(Date.now() - 3_600_000));
    vi.advanceTimersByTime(120_000);
    expect(watch.dimmed).toBe(true);
    watch.stop();
  });
});
