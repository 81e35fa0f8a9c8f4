import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isOpenAt, keepScreenAwake, type PowerSaveBlockerLike } from './screen-awake';

/** Test double of Electron's powerSaveBlocker (no Electron here): records what was held. */
class PowerSaveBlockerDouble implements PowerSaveBlockerLike {
  readonly calls: string[] = [];
  private next = 1;
  private readonly held = new Set<number>();
  start(type: 'prevent-display-sleep'): number {
    const id = this.next++;
    this.held.add(id);
    this.calls.push(`start ${type} → ${id}`);
    return id;
  }
  stop(id: number): void {
    this.held.delete(id);
    this.calls.push(`stop ${id}`);
  }
  isStarted(id: number): boolean {
    return this.held.has(id);
  }
  /** What the OS does when something else (a screensaver policy) drops it. */
  drop(id: number): void {
    this.held.delete(id);
  }
}

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00`);

describe('opening hours', () => {
  it('daytime, overnight, all day and 24 hours', () => {
    const day = { opensAt: '07:00', closesAt: '22:00' };
    expect([isOpenAt(day, at('06:59')), isOpenAt(day, at('07:00')), isOpenAt(day, at('21:59')), isOpenAt(day, at('22:00'))]).toEqual([false, true, true, false]);
    const night = { opensAt: '18:00', closesAt: '06:00' };
    expect([isOpenAt(night, at('17:59')), isOpenAt(night, at('23:30')), isOpenAt(night, at('05:59')), isOpenAt(night, at('06:00'))]).toEqual([false, true, true, false]);
    expect(isOpenAt({ opensAt: '00:00', closesAt: '00:00' }, at('03:00'))).toBe(true);
    expect(isOpenAt(null, at('03:00'))).toBe(true);
  });

  it('refuses hours that are not HH:MM', () => {
    expect(() => isOpenAt({ opensAt: '7:00', closesAt: '22:00' }, at('08:00'))).toThrow(TypeError);
    expect(() => isOpenAt({ opensAt: '07:00', closesAt: '24:00' }, at('08:00'))).toThrow(/HH:MM/);
  });
});

describe('keepScreenAwake', () => {
  beforeEach(() => vi.useFakeTimers({ now: at('21:58') }));
  afterEach(() => vi.useRealTimers());

  it('holds the display-sleep blocker in opening hours, releases it at closing and takes it again at opening', () => {
    const blocker = new PowerSaveBlockerDouble();
    const stop = keepScreenAwake({ blocker, hours: { opensAt: '07:00', closesAt: '22:00' } });
    expect(blocker.calls).toEqual(['start prevent-display-sleep → 1']);
    vi.advanceTimersByTime(2 * 60_000); // 22:00
    expect(blocker.calls).toEqual(['start prevent-display-sleep → 1', 'stop 1']);
    vi.advanceTimersByTime(9 * 60 * 60_000); // 07:00
    expect(blocker.calls).toEqual(['start prevent-display-sleep → 1', 'stop 1', 'start prevent-display-sleep → 2']);
    stop();
    expect(blocker.calls.at(-1)).toBe('stop 2');
    vi.advanceTimersByTime(60 * 60_000);
    expect(blocker.calls).toHaveLength(4);
  });

  it('a 24-hour station holds it always, and takes it again if it was dropped', () => {
    const blocker = new PowerSaveBlockerDouble();
    const stop = keepScreenAwake({ blocker, hours: null });
    blocker.drop(1);
    vi.advanceTimersByTime(60_000);
    expect(blocker.calls).toEqual(['start prevent-display-sleep → 1', 'start prevent-display-sleep → 2']);
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(blocker.calls).toHaveLength(2);
    stop();
  });

  it('bad hours fail at start, before any blocker is taken', () => {
    const blocker = new PowerSaveBlockerDouble();
    expect(() => keepScreenAwake({ blocker, hours: { opensAt: 'noon', closesAt: '22:00' } })).toThrow(TypeError);
    expect(blocker.calls).toEqual([]);
  });
});
