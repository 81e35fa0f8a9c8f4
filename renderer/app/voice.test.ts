import { describe, expect, it } from 'vitest';
import prompts from '../../resources/sounds/voice/prompts.json';
import { TEST_STATION_INFO } from './test-station-info';
import { initialKioskState, kioskReducer, type KioskEvent, type KioskState } from './kiosk-state';
import { neededClips, voiceClips } from './voice-clips';
import { voiceForChange } from './voice-moments';


describe('spoken prompts', () => {
  it('reads locker numbers the way each language does', () => {
    const open = (lockerNumber: number, locale: 'en' | 'zh-CN') => voiceClips({ kind: 'locker-open', lockerNumber }, locale);
    expect(open(7, 'en')).toEqual(['locker', 'n7', 'is-open']);
    expect(open(12, 'en')).toEqual(['locker', 'n12', 'is-open']);
    expect(open(40, 'en')).toEqual(['locker', 'n40', 'is-open']);
    expect(open(23, 'en')).toEqual(['locker', 'n20', 'n3', 'is-open']);
    expect(open(101, 'en')).toEqual(['locker', 'n1', 'n0', 'n1', 'is-open']);
    expect(open(7, 'zh-CN')).toEqual(['n7', 'is-open']);
    expect(open(10, 'zh-CN')).toEqual(['n10', 'is-open']);
    expect(open(12, 'zh-CN')).toEqual(['n10', 'n2', 'is-open']);
    expect(open(20, 'zh-CN')).toEqual(['n2', 'n10', 'is-open']);
    expect(open(23, 'zh-CN')).toEqual(['n2', 'n10', 'n3', 'is-open']);
    expect(open(305, 'zh-CN')).toEqual(['n3', 'n0', 'n5', 'is-open']);
  });

  it('every clip a prompt can need has its text, in both languages', () => {
    for (const entry of neededClips()) {
      const [locale = '', clip = ''] = entry.split('/');
      expect((prompts as Record<string, { clips: Record<string, string> }>)[locale]?.clips[clip], entry).toBeTruthy();
    }
  });
});

describe('which moments are spoken', () => {
  const info = TEST_STATION_INFO;
  const PASS = '0123456789abcdef0123456789abcdef';
  const step = (state: KioskState, event: KioskEvent) => {
    const next = kioskReducer(state, event);
    return { next, voice: voiceForChange(state, next) };
  };
  const ready = kioskReducer(initialKioskState, { type: 'info-loaded', info });

  it('greets a tap, names the opened locker, asks to shut a door left open, and says tap again after a bad read', () => {
    const tap = step(ready, { type: 'check-in', outcome: { kind: 'welcome', visitId: 1, visitNumber: 2, needsCategory: false, category: null, cardPass: PASS, locker: null } });
    expect(tap.voice).toEqual({ kind: 'welcome' });
    const lockers = step(tap.next, { type: 'locker-availability', availability: { state: 'ready', free: [{ cable: 'usb-c', count: 1 }], maxMinutes: 240 } });
    expect(lockers.voice).toBeNull();
    const picker = step(lockers.next, { type: 'charge' });
    expect(picker.voice).toBeNull();
    // Back to the welcome is not a second greeting.
    expect(step(picker.next, { type: 'back' }).voice).toBeNull();
    const open = step(picker.next, { type: 'claimed', cable: 'usb-c', outcome: { kind: 'opened', sessionId: 9, lockerNumber: 12, pickupCode: null, maxMinutes: 240, skippedFaulty: [] } });
    expect(open.voice).toEqual({ kind: 'locker-open', lockerNumber: 12 });
    const alarm = step(open.next, { type: 'locker', event: { kind: 'door-left-open', sessionId: 9, lockerNumber: 12 }, atMs: 1 });
    expect(alarm.voice).toEqual({ kind: 'shut-door' });
    expect(step(ready, { type: 'card-error' }).voice).toEqual({ kind: 'tap-card' });
    expect(step(ready, { type: 'no-card' }).voice).toBeNull();
  });
});
