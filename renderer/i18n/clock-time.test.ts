import { describe, expect, it } from 'vitest';
import { formatClock } from './clock-time';

describe('formatClock', () => {
  it('writes 24-hour HH:MM in both languages', () => {
    const t = Date.UTC(2026, 10, 25, 9, 5, 59);
    expect(formatClock(t, 'en', 'UTC')).toBe('09:05');
    expect(formatClock(t, 'zh-CN', 'UTC')).toBe('09:05');
    expect(formatClock(Date.UTC(2026, 10, 25, 23, 30), 'en', 'UTC')).toBe('23:30');
    expect(formatClock(Date.UTC(2026, 10, 25, 0, 0), 'en', 'UTC')).toBe('00:00');
  });

  it('uses the given time zone (Beijing is UTC+8)', () => {
    expect(formatClock(Date.UTC(2026, 10, 25, 9, 5), 'zh-CN', 'Asia/Shanghai')).toBe('17:05');
  });
});
