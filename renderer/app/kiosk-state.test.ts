import { describe, expect, it } from 'vitest';
import { TEST_STATION_INFO } from './test-station-info';
import {
  idleTimerRuns,
  screenTimesOut,
  initialKioskState,
  kioskReducer,
  soundForEvent,
  visibleScreen,
  type KioskEvent,
  type KioskState,
} from './kiosk-state';

const info = TEST_STATION_INFO;

const run = (...events: KioskEvent[]): KioskState =>
  events.reduce(kioskReducer, initialKioskState);
const ready = (...events: KioskEvent[]) => run({ type: 'info-loaded', info }, ...events);

describe('kioskReducer', () => {
  it('starts on the connecting screen until the station info arrives', () => {
    expect(visibleScreen(initialKioskState)).toBe('connecting');
    expect(visibleScreen(ready())).toBe('attract');
  });

  it('shows the welcome screen with the category picker on a first visit', () => {
    const state = ready({
      type: 'check-in',
      outcome: { kind: 'welcome', visitId: 7, visitNumber: 1, needsCategory: true, category: null },
    });
    expect(state.screen).toEqual({
      name: 'welcome',
      visitId: 7,
      visitNumber: 1,
      category: 'ask',
      member: { cardPass: null, locker: null },
      wishPass: null,
    });
    expect(kioskReducer(state, { type: 'category-done' }).screen).toMatchObject({ category: 'thanked' });
  });

  it('does not ask for a category the worker already has', () => {
    const state = ready({
      type: 'check-in',
      outcome: { kind: 'welcome', visitId: 8, visitNumber: 5, needsCategory: false, category: 'courier' },
    });
    expect(state.screen).toMatchObject({ name: 'welcome', category: 'known', visitNumber: 5 });
  });

  it('maps already-here and goodbye outcomes to their screens', () => {
    expect(ready({ type: 'check-in', outcome: { kind: 'already-here', visitId: 1, visitNumber: 3, category: null } }).screen)
      .toEqual({ name: 'already-here', visitNumber: 3, member: { cardPass: null, locker: null }, wishPass: null });
    expect(ready({ type: 'check-in', outcome: { kind: 'goodbye', visitId: 1, dwellMinutes: 42 } }).screen)
      .toEqual({ name: 'goodbye', dwellMinutes: 42 });
  });

  it('walks the no-card flow: guest, then join with interest', () => {
    let state = ready({ type: 'no-card' });
    expect(state.screen.name).toBe('no-card');
    state = kioskReducer(state, { type: 'guest-checked-in', guest: { visitId: 3, guestVisitsToday: 12 } });
    expect(state.screen).toEqual({ name: 'guest-welcome', guestVisitsToday: 12, wishPass: null });
    const guestWelcome = state.screen;
    state = kioskReducer(state, { type: 'open-join', from: 'guest' });
    expect(state.screen).toEqual({ name: 'join', from: 'guest', interestSent: false, back: guestWelcome });
    state = kioskReducer(state, { type: 'interest-registered' });
    expect(state.screen).toEqual({ name: 'join', from: 'guest', interestSent: true, back: guestWelcome });
    // Back returns to the guest's welcome, not to the start.
    expect(kioskReducer(state, { type: 'back' }).screen).toBe(guestWelcome);
  });

  it('Back goes to the screen a step was opened from; from screens opened on the attract screen, to it', () => {
    const noCard = ready({ type: 'no-card' });
    const join = kioskReducer(noCard, { type: 'open-join', from: 'attract' });
    const back = kioskReducer(join, { type: 'back' });
    expect(back.screen).toBe(noCard.screen);
    expect(back.screenSeq).toBe(join.screenSeq + 1);
    expect(kioskReducer(noCard, { type: 'back' }).screen).toEqual({ name: 'attract' });
    expect(kioskReducer(ready({ type: 'collect' }), { type: 'back' }).screen).toEqual({ name: 'attract' });
    const attract = ready();
    expect(kioskReducer(attract, { type: 'back' })).toBe(attract);
  });

  it('ignores late answers that belong to a screen already left', () => {
    const state = ready({ type: 'interest-registered' }, { type: 'category-done' });
    expect(state.screen).toEqual({ name: 'attract' });
  });

  it('shows the card error and returns home', () => {
    const state = ready({ type: 'no-card' }, { type: 'card-error' });
    expect(state.screen.name).toBe('card-error');
    expect(kioskReducer(state, { type: 'home' }).screen.name).toBe('attract');
  });

  it('a tap that could not be saved shows the card error with its reason', () => {
    expect(ready({ type: 'card-error', reason: 'not-saved' }).screen).toEqual({ name: 'card-error', reason: 'not-saved' });
  });

  it('a card tap on any screen replaces it', () => {
    const state = ready({ type: 'open-join', from: 'attract' }, {
      type: 'check-in',
      outcome: { kind: 'already-here', visitId: 2, visitNumber: 9, category: 'sanitation' },
    });
    expect(state.screen.name).toBe('already-here');
  });

  it('goes to reconnecting when the service stops answering, and back to attract after', () => {
    let state = ready({ type: 'no-card' }, { type: 'service-unavailable' });
    expect(state.service).toBe('reconnecting');
    expect(visibleScreen(state)).toBe('connecting');
    state = kioskReducer(state, { type: 'info-loaded', info });
    expect(visibleScreen(state)).toBe('attract');
  });

  it('shows a tap pushed by the service at once, even while reconnecting', () => {
    const state = ready({ type: 'service-unavailable' }, {
      type: 'check-in',
      outcome: { kind: 'goodbye', visitId: 1, dwellMinutes: 5 },
    });
    expect(visibleScreen(state)).toBe('goodbye');
  });

  it('stays "starting" when the service was never reached', () => {
    expect(run({ type: 'service-unavailable' }).service).toBe('starting');
  });

  it('keeps the device list', () => {
    const devices = [{ id: 'r1', kind: 'card-reader', name: 'Door', simulated: true, state: 'offline', detail: '' }] as const;
    expect(ready({ type: 'devices', devices: [...devices] }).devices).toEqual(devices);
  });

  it('counts screen changes, even to a screen of the same kind', () => {
    const tap = { type: 'card-error' } as const;
    const state = ready(tap);
    expect(kioskReducer(state, tap).screenSeq).toBe(state.screenSeq + 1);
    expect(kioskReducer(state, { type: 'devices', devices: [] }).screenSeq).toBe(state.screenSeq);
  });

  it('home on attract keeps the same state object (no needless re-render)', () => {
    const state = ready();
    expect(kioskReducer(state, { type: 'home' })).toBe(state);
  });
});

describe('steward panel screen', () => {
  it('opens from the attract screen only', () => {
    const state = ready({ type: 'steward' });
    expect(state.screen).toEqual({ name: 'steward' });
    expect(state.screenSeq).toBe(ready().screenSeq + 1);
    const elsewhere = ready({ type: 'no-card' });
    expect(kioskReducer(elsewhere, { type: 'steward' })).toBe(elsewhere);
  });

  it('leaves on exit or idle timeout (both "home"), a card tap, or the service going away', () => {
    const state = ready({ type: 'steward' });
    expect(idleTimerRuns(state, 'zh-CN')).toBe(true);
    expect(kioskReducer(state, { type: 'home' }).screen).toEqual({ name: 'attract' });
    expect(kioskReducer(state, { type: 'check-in', outcome: { kind: 'goodbye', visitId: 1, dwellMinutes: 3 } }).screen.name)
      .toBe('goodbye');
    expect(kioskReducer(state, { type: 'service-unavailable' }).screen).toEqual({ name: 'attract' });
  });
});

describe('idleTimerRuns', () => {
  it('runs on every screen but attract, and on attract only in a non-default language', () => {
    expect(idleTimerRuns(ready(), 'zh-CN')).toBe(false);
    expect(idleTimerRuns(ready(), 'en')).toBe(true);
    expect(idleTimerRuns(ready({ type: 'no-card' }), 'zh-CN')).toBe(true);
  });
});

describe('soundForEvent', () => {
  it('plays success for check-ins and failure for card errors', () => {
    expect(soundForEvent({ type: 'check-in', outcome: { kind: 'goodbye', visitId: 1, dwellMinutes: 0 } })).toBe('success');
    expect(soundForEvent({ type: 'guest-checked-in', guest: { visitId: 1, guestVisitsToday: 1 } })).toBe('success');
    expect(soundForEvent({ type: 'card-error' })).toBe('failure');
    expect(soundForEvent({ type: 'home' })).toBeNull();
  });
});

describe('the wish wall', () => {
  const PASS = 'ab'.repeat(16);

  it('opens from a welcome with that check-in\'s wish pass, and Done goes home', () => {
    let state = ready({ type: 'check-in', outcome: { kind: 'welcome', visitId: 7, visitNumber: 2, needsCategory: false, category: null, wishPass: PASS } });
    state = kioskReducer(state, { type: 'open-wishes' });
    expect(state.screen).toEqual({ name: 'wishes', pass: PASS });
    expect(state.personal).toBeNull();
    expect(screenTimesOut(state.screen)).toBe(true);
    expect(kioskReducer(state, { type: 'home' }).screen).toEqual({ name: 'attract' });
  });

  it('opens from a guest welcome with the guest\'s pass', () => {
    const state = kioskReducer(ready({ type: 'guest-checked-in', guest: { visitId: 3, guestVisitsToday: 1, wishPass: PASS } }), { type: 'open-wishes' });
    expect(state.screen).toEqual({ name: 'wishes', pass: PASS });
  });

  it('opens from the attract screen for reading only', () => {
    expect(ready({ type: 'open-wishes' }).screen).toEqual({ name: 'wishes', pass: null });
  });

  it('a wall asked for on one screen does not open over the next (a new tap came while its page loaded)', () => {
    const welcome = ready({ type: 'check-in', outcome: { kind: 'welcome', visitId: 7, visitNumber: 2, needsCategory: false, category: null, wishPass: PASS } });
    const fromSeq = welcome.screenSeq;
    expect(kioskReducer(welcome, { type: 'open-wishes', fromSeq }).screen).toEqual({ name: 'wishes', pass: PASS });
    const next = kioskReducer(welcome, { type: 'check-in', outcome: { kind: 'welcome', visitId: 8, visitNumber: 1, needsCategory: false, category: null, wishPass: 'cd'.repeat(16) } });
    expect(next.screenSeq).not.toBe(fromSeq);
    expect(kioskReducer(next, { type: 'open-wishes', fromSeq })).toBe(next);
  });

  it('a card tap while the wall is open is not swallowed: the new worker\'s welcome shows', () => {
    const state = kioskReducer(ready({ type: 'open-wishes' }), {
      type: 'check-in',
      outcome: { kind: 'welcome', visitId: 9, visitNumber: 1, needsCategory: false, category: null, wishPass: PASS },
    });
    expect(state.screen).toMatchObject({ name: 'welcome', visitId: 9, wishPass: PASS });
  });
});
