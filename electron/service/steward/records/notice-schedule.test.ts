import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVERY_DAY, type Notice } from '../../../../common/notices';
import { isShowing, nextChange, showingAt } from './notice-schedule';

let savedTz: string | undefined;
beforeEach(() => {
  savedTz = process.env.TZ;
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

let nextId = 1;
function notice(over: Partial<Notice>): Notice {
  return {
    id: nextId++, kind: 'notice', title: { 'zh-CN': '通知', en: 'Notice' }, body: { 'zh-CN': '', en: '' },
    startMinute: 0, endMinute: 1440, days: EVERY_DAY, active: true, updatedMs: 0, ...over,
  };
}
const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('notice schedule', () => {
  it('a window includes its start minute and excludes its end minute', () => {
    process.env.TZ = 'Asia/Shanghai';
    const haircut = notice({ kind: 'event', startMinute: 14 * 60, endMinute: 17 * 60 });
    expect(isShowing(haircut, at(2026, 12, 1, 13, 59) + 59_999)).toBe(false);
    expect(isShowing(haircut, at(2026, 12, 1, 14))).toBe(true);
    expect(isShowing(haircut, at(2026, 12, 1, 16, 59) + 59_999)).toBe(true);
    expect(isShowing(haircut, at(2026, 12, 1, 17))).toBe(false);
    expect(isShowing({ ...haircut, active: false }, at(2026, 12, 1, 15))).toBe(false);
  });

  it('weekday masks: a Wednesday-only health check shows on Wednesday and is next due a week on', () => {
    process.env.TZ = 'Asia/Shanghai';
    // 2026-12-02 is a Wednesday.
    const check = notice({ kind: 'service', startMinute: 9 * 60, endMinute: 11 * 60, days: 1 << 3 });
    expect(isShowing(check, at(2026, 12, 1, 10))).toBe(false);
    expect(isShowing(check, at(2026, 12, 2, 10))).toBe(true);
    expect(nextChange([check], at(2026, 12, 1, 10))).toBe(at(2026, 12, 2, 9));
    expect(nextChange([check], at(2026, 12, 2, 10))).toBe(at(2026, 12, 2, 11));
    expect(nextChange([check], at(2026, 12, 2, 11))).toBe(at(2026, 12, 9, 9));
    expect(nextChange([{ ...check, active: false }], at(2026, 12, 2, 11))).toBeNull();
  });

  it('orders notices, events, then services, each by start', () => {
    process.env.TZ = 'Asia/Shanghai';
    const service = notice({ kind: 'service', startMinute: 60 });
    const lateEvent = notice({ kind: 'event', startMinute: 600 });
    const event = notice({ kind: 'event', startMinute: 300 });
    const fraud = notice({ kind: 'notice' });
    expect(showingAt([service, lateEvent, event, fraud], at(2026, 12, 1, 12)).map((n) => n.id)).toEqual([fraud.id, event.id, lateEvent.id, service.id]);
  });

  it('follows the wall clock across a DST change: 14:00 is 14:00 on the 23-hour day', () => {
    process.env.TZ = 'Europe/Berlin';
    const haircut = notice({ startMinute: 14 * 60, endMinute: 17 * 60 });
    const morning = at(2026, 3, 29, 1, 30);
    expect(nextChange([haircut], morning)).toBe(at(2026, 3, 29, 14));
    expect(at(2026, 3, 29, 14) - morning).toBe(11.5 * 3_600_000);
    expect(isShowing(haircut, at(2026, 3, 29, 14))).toBe(true);
  });
});
