import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWishFixture } from '../testing/wish-fixture';

const setup = useWishFixture();
const HOUR = 3_600_000;

beforeEach(() => {
  vi.useFakeTimers();
  // 09:00 local time, so the day ends 15 hours later whatever the machine's zone.
  vi.setSystemTime(new Date(2026, 5, 1, 9, 0));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rate limits (fake timers)', () => {
  it('a card posts 3 notes a day (held ones count), then is told the limit until the next local day', () => {
    const f = setup({ now: () => Date.now() });
    f.clock.ms = Date.now();
    const pass = () => f.tap(1);
    expect(f.post(pass(), '谢谢').kind).toBe('posted');
    expect(f.post(pass(), '刷单').kind).toBe('held');
    vi.advanceTimersByTime(14 * HOUR);
    expect(f.post(pass(), '谢谢驿站').kind).toBe('posted');
    expect(f.post(pass(), '再来一条')).toEqual({ kind: 'limited', limit: 3 });
    // Another card is not affected.
    expect(f.post(f.tap(2), '我也来').kind).toBe('posted');
    vi.advanceTimersByTime(HOUR);
    f.clock.ms = Date.now();
    expect(f.post(pass(), '新的一天').kind).toBe('posted');
    expect(f.rows('SELECT count(*) AS n FROM wishes')).toEqual([{ n: 5 }]);
  });

  it('a guest check-in posts 2 notes; a refused text does not use up the share', () => {
    const f = setup({ now: () => Date.now() });
    f.clock.ms = Date.now();
    const pass = f.guest();
    expect(f.post(pass, '\u202E').kind).toBe('refused');
    expect(f.post(pass, '一').kind).toBe('posted');
    vi.advanceTimersByTime(60_000);
    expect(f.post(pass, '二').kind).toBe('posted');
    expect(f.post(pass, '三')).toEqual({ kind: 'limited', limit: 2 });
  });
});
