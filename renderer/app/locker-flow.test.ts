import { describe, expect, it } from 'vitest';
import { TEST_STATION_INFO } from './test-station-info';
import type { CheckInOutcome } from '../../common/domain';
import type { HeldLocker, LockerAvailability } from '../../common/lockers';
import {
  idleTimerRuns,
  initialKioskState,
  kioskReducer,
  screenTimesOut,
  soundForEvent,
  visibleScreen,
  type KioskEvent,
  type KioskState,
} from './kiosk-state';
import { canCharge, chargeOffer, freeCount, openPassOf, sessionOnScreen, wantsAvailability } from './locker-flow';

const info = TEST_STATION_INFO;

const PASS = '0123456789abcdef0123456789abcdef';
const T0 = 1_750_000_000_000;
const MIN = 60_000;

const available = (state: LockerAvailability['state'], usbC = 2, lightning = 0, micro = 1): LockerAvailability => ({
  state,
  free: [
    { cable: 'usb-c', count: usbC },
    { cable: 'lightning', count: lightning },
    { cable: 'micro-usb', count: micro },
  ],
  maxMinutes: 240,
  doorsLeftOpen: [],
});

const held: HeldLocker = { sessionId: 31, lockerNumber: 7, startedAtMs: T0 - 30 * MIN, dueAtMs: T0 + 210 * MIN };

const memberTap = (extra: Partial<Extract<CheckInOutcome, { kind: 'welcome' }>> = {}): KioskEvent => ({
  type: 'check-in',
  outcome: { kind: 'welcome', visitId: 5, visitNumber: 3, needsCategory: false, category: 'courier', cardPass: PASS, locker: null, ...extra },
});
const againTap = (locker: HeldLocker | null): KioskEvent => ({
  type: 'check-in',
  outcome: { kind: 'already-here', visitId: 5, visitNumber: 3, category: null, cardPass: PASS, locker },
});
const ready = (...events: KioskEvent[]): KioskState =>
  [{ type: 'info-loaded', info } as KioskEvent, ...events].reduce(kioskReducer, initialKioskState);
const lockersReady: KioskEvent = { type: 'locker-availability', availability: available('ready') };
const push = (kind: 'session-started' | 'door-left-open' | 'session-ended' | 'claim-released', sessionId: number, lockerNumber: number, atMs = T0): KioskEvent => ({
  type: 'locker',
  event: { kind, sessionId, lockerNumber },
  atMs,
});
const opened = (sessionId: number, lockerNumber: number, pickupCode: string | null, skippedFaulty: number[] = []): KioskEvent => ({
  type: 'claimed',
  cable: 'usb-c',
  outcome: { kind: 'opened', sessionId, lockerNumber, pickupCode, maxMinutes: 240, skippedFaulty },
});
const keys = (code: string, atMs = T0): KioskEvent[] =>
  [...code].map((key) => ({ type: 'code-key', key: key as '0', atMs }));
const guestIn: KioskEvent = { type: 'guest-checked-in', guest: { visitId: 9, guestVisitsToday: 4 } };

describe('charge offer on the welcome screens', () => {
  it('a member tap carries the card pass and starts checking availability', () => {
    const state = ready(lockersReady, memberTap());
    expect(state.screen).toMatchObject({ name: 'welcome', member: { cardPass: PASS, locker: null } });
    expect(state.lockers).toBe('checking');
    expect(chargeOffer(state)).toBe('checking');
    expect(canCharge(state)).toBe(false);
    expect(wantsAvailability(state.screen)).toBe(true);
  });

  it('is ready, full, offline or hidden as the availability says', () => {
    const tapped = ready(memberTap());
    expect(chargeOffer(kioskReducer(tapped, lockersReady))).toBe('ready');
    expect(canCharge(kioskReducer(tapped, lockersReady))).toBe(true);
    expect(chargeOffer(kioskReducer(tapped, { type: 'locker-availability', availability: available('full', 0, 0, 0) }))).toBe('full');
    expect(chargeOffer(kioskReducer(tapped, { type: 'locker-availability', availability: available('offline', 0, 0, 0) }))).toBe('offline');
    expect(chargeOffer(kioskReducer(tapped, { type: 'locker-availability', availability: available('none', 0, 0, 0) }))).toBe('hidden');
    // The availability call itself failed: treat like offline, never as ready.
    expect(chargeOffer(kioskReducer(tapped, { type: 'locker-availability', availability: null }))).toBe('offline');
  });

  it('is hidden without a card pass, and when the card already holds a locker', () => {
    const noPass = ready(memberTap({ cardPass: undefined, locker: undefined }), lockersReady);
    expect(chargeOffer(noPass)).toBe('hidden');
    expect(kioskReducer(noPass, { type: 'charge' }).screen.name).toBe('welcome');
    const holding = ready(againTap(held), lockersReady);
    expect(chargeOffer(holding)).toBe('hidden');
    expect(openPassOf(holding.screen)).toBe(PASS);
    expect(sessionOnScreen(holding.screen)).toBe(31);
  });

  it('"Charge my phone" opens the cable picker only when lockers are ready', () => {
    expect(ready(memberTap(), { type: 'charge' }).screen.name).toBe('welcome');
    const full = ready(memberTap(), { type: 'locker-availability', availability: available('full', 0, 0, 0) }, { type: 'charge' });
    expect(full.screen.name).toBe('welcome');
    const before = ready(againTap(null), lockersReady);
    const state = kioskReducer(before, { type: 'charge' });
    expect(state.screen).toEqual({ name: 'locker-cable', claimant: { kind: 'member', cardPass: PASS }, noneFree: null, back: before.screen });
    // Back returns to the member's screen with its card pass: no second tap needed.
    const back = kioskReducer(state, { type: 'back' });
    expect(back.screen).toBe(before.screen);
    expect(chargeOffer(back)).toBe('ready');
  });

  it('a guest claims as a guest', () => {
    const before = ready(guestIn, lockersReady);
    const state = kioskReducer(before, { type: 'charge' });
    expect(state.screen).toEqual({ name: 'locker-cable', claimant: { kind: 'guest' }, noneFree: null, back: before.screen });
  });

  it('counts free lockers per cable; unknown counts are null', () => {
    expect(freeCount(available('ready', 2, 0, 1), 'usb-c')).toBe(2);
    expect(freeCount(available('ready', 2, 0, 1), 'lightning')).toBe(0);
    expect(freeCount({ state: 'ready', free: [], maxMinutes: 60, doorsLeftOpen: [] }, 'micro-usb')).toBe(0);
    expect(freeCount('checking', 'usb-c')).toBeNull();
  });
});

describe('member claim', () => {
  const picker = ready(memberTap(), lockersReady, { type: 'charge' });

  it('opened → locker open → charging on session-started for that session, due after maxMinutes', () => {
    let state = kioskReducer(picker, opened(40, 12, null));
    expect(state.screen).toEqual({
      name: 'locker-open',
      opened: { sessionId: 40, lockerNumber: 12, holder: 'member', maxMinutes: 240, skippedFaulty: [] },
    });
    state = kioskReducer(state, push('session-started', 40, 12, T0));
    expect(state.screen).toEqual({ name: 'locker-charging', sessionId: 40, lockerNumber: 12, holder: 'member', dueAtMs: T0 + 240 * MIN });
    expect(screenTimesOut(state.screen)).toBe(true);
  });

  it('ignores events for another session (a door left open elsewhere only raises its alarm)', () => {
    const state = kioskReducer(picker, opened(40, 12, null));
    for (const kind of ['session-started', 'session-ended', 'claim-released'] as const) {
      expect(kioskReducer(state, push(kind, 41, 13))).toBe(state);
    }
    const alarmed = kioskReducer(state, push('door-left-open', 41, 13));
    expect(alarmed.screen).toBe(state.screen);
    expect(alarmed.doorsLeftOpen).toEqual([13]);
  });

  it('keeps the faulty lockers it skipped, in order', () => {
    const state = kioskReducer(picker, opened(40, 5, null, [3, 4]));
    expect(state.screen).toMatchObject({ name: 'locker-open', opened: { lockerNumber: 5, skippedFaulty: [3, 4] } });
  });

  it('none-free stays on the picker, names the cable, and counts as a new screen (fresh counts)', () => {
    const state = kioskReducer(picker, { type: 'claimed', cable: 'lightning', outcome: { kind: 'none-free' } });
    expect(state.screen).toEqual({ name: 'locker-cable', claimant: { kind: 'member', cardPass: PASS }, noneFree: 'lightning', back: picker.screen.name === 'locker-cable' ? picker.screen.back : null });
    expect(state.screenSeq).toBe(picker.screenSeq + 1);
  });

  it('already-holding shows the held locker with the pass to open it', () => {
    const state = kioskReducer(picker, { type: 'claimed', cable: 'usb-c', outcome: { kind: 'already-holding', locker: held } });
    expect(state.screen).toEqual({ name: 'locker-held', locker: held, cardPass: PASS });
    expect(openPassOf(state.screen)).toBe(PASS);
  });

  it('errors: unavailable, an expired pass, anything else', () => {
    expect(kioskReducer(picker, { type: 'locker-call-failed', code: 'unavailable' }).screen)
      .toEqual({ name: 'locker-message', problem: 'unavailable', lockerNumber: null });
    expect(kioskReducer(picker, { type: 'locker-call-failed', code: 'forbidden' }).screen)
      .toMatchObject({ problem: 'tap-again' });
    expect(kioskReducer(picker, { type: 'locker-call-failed', code: 'internal' }).screen)
      .toMatchObject({ problem: 'failed' });
    // A locker call failing is not the service going away: the kiosk stays ready.
    expect(kioskReducer(picker, { type: 'locker-call-failed', code: 'unavailable' }).service).toBe('ready');
  });

  it('drops a claim answer that arrives after the picker was left', () => {
    const home = kioskReducer(picker, { type: 'home' });
    expect(kioskReducer(home, opened(40, 12, null))).toBe(home);
    expect(kioskReducer(home, { type: 'locker-call-failed', code: 'unavailable' })).toBe(home);
  });

  it('the service dropping mid-flow returns to attract behind the connecting screen', () => {
    const state = kioskReducer(kioskReducer(picker, opened(40, 12, null)), { type: 'service-unavailable' });
    expect(state.screen.name).toBe('attract');
    expect(visibleScreen(state)).toBe('connecting');
    expect(state.lockers).toBe('checking');
    // The door shutting later is for a screen no longer shown.
    expect(kioskReducer(state, push('session-started', 40, 12))).toBe(state);
  });
});

describe('guest claim with a pickup code', () => {
  const picker = ready(guestIn, lockersReady, { type: 'charge' });
  const code = kioskReducer(picker, opened(50, 8, '042917'));

  it('shows the code once', () => {
    expect(code.screen).toEqual({
      name: 'pickup-code',
      opened: { sessionId: 50, lockerNumber: 8, holder: 'guest', maxMinutes: 240, skippedFaulty: [] },
      pickupCode: '042917',
      startedAtMs: null,
    });
  });

  it('does not time out while its door is open: the guest walking to the locker must not lose it', () => {
    expect(screenTimesOut(code.screen)).toBe(false);
    expect(idleTimerRuns(code, 'zh-CN')).toBe(false);
    expect(code.personal).toBeNull();
    const away = kioskReducer(code, { type: 'service-unavailable' });
    expect(visibleScreen(away)).toBe('pickup-code');
    expect(idleTimerRuns(away, 'zh-CN')).toBe(false);
  });

  it('once the door is shut under it, a personal countdown starts; when it ends the code is gone', () => {
    const shut = kioskReducer(code, push('session-started', 50, 8, T0));
    expect(shut.personal).toBe(code.personalCount + 1);
    expect(idleTimerRuns(shut, 'zh-CN')).toBe(true);
    const home = kioskReducer(shut, { type: 'home' });
    expect(home.screen).toEqual({ name: 'attract' });
    expect(home.personal).toBeNull();
    expect(JSON.stringify(home)).not.toContain('042917');
  });

  it("the next worker's tap does not wipe it: the code stays and a banner asks them to tap again", () => {
    const tapped = kioskReducer(code, memberTap());
    expect(tapped.screen).toBe(code.screen);
    expect(tapped.heldTap).toBe(true);
    expect(kioskReducer(tapped, { type: 'card-error' }).screen).toBe(code.screen);
    const noted = kioskReducer(tapped, { type: 'pickup-code-noted' });
    expect(noted.heldTap).toBe(false);
    // Once the code is away, taps work as ever.
    expect(kioskReducer(noted, memberTap()).screen.name).toBe('welcome');
  });

  it('a claim released (the door never shut) takes the code away', () => {
    expect(kioskReducer(code, push('claim-released', 50, 8)).screen).toEqual({ name: 'attract' });
  });

  it('"I have it" before the door is shut → locker open → charging', () => {
    let state = kioskReducer(code, { type: 'pickup-code-noted' });
    expect(state.screen).toMatchObject({ name: 'locker-open', opened: { sessionId: 50, lockerNumber: 8, holder: 'guest' } });
    state = kioskReducer(state, push('session-started', 50, 8, T0));
    expect(state.screen).toEqual({ name: 'locker-charging', sessionId: 50, lockerNumber: 8, holder: 'guest', dueAtMs: T0 + 240 * MIN });
  });

  it('the door shut while the code is shown: the code stays, in place; "I have it" → charging', () => {
    let state = kioskReducer(code, push('session-started', 50, 8, T0));
    expect(state.screen).toMatchObject({ name: 'pickup-code', pickupCode: '042917', startedAtMs: T0 });
    expect(state.screenSeq).toBe(code.screenSeq);
    state = kioskReducer(state, { type: 'pickup-code-noted' });
    expect(state.screen).toEqual({ name: 'locker-charging', sessionId: 50, lockerNumber: 8, holder: 'guest', dueAtMs: T0 + 240 * MIN });
  });

  it('survives the service dropping: the code is never shown again', () => {
    const state = kioskReducer(code, { type: 'service-unavailable' });
    expect(state.screen).toBe(code.screen);
    expect(state.service).toBe('reconnecting');
    expect(visibleScreen(state)).toBe('pickup-code');
    expect(kioskReducer(state, { type: 'pickup-code-noted' }).screen.name).toBe('locker-open');
  });

  it('"I have it" elsewhere does nothing', () => {
    const state = ready();
    expect(kioskReducer(state, { type: 'pickup-code-noted' })).toBe(state);
  });
});

describe('door left open', () => {
  const open = ready(memberTap(), lockersReady, { type: 'charge' }, opened(40, 12, null));
  const withDoors = (doorsLeftOpen: number[]): KioskEvent => ({ type: 'locker-availability', availability: { ...available('ready'), doorsLeftOpen } });

  it('raises the alarm and keeps the screen', () => {
    const state = kioskReducer(open, push('door-left-open', 40, 12));
    expect(state.doorsLeftOpen).toEqual([12]);
    expect(state.screen).toBe(open.screen);
    expect(state.screenSeq).toBe(open.screenSeq);
  });

  it('persists through Done, the idle timeout and new taps, on the attract screen too; only a shut door clears it', () => {
    let state = kioskReducer(open, push('door-left-open', 40, 12));
    state = kioskReducer(state, { type: 'home' });
    expect(state.screen).toEqual({ name: 'attract' });
    expect(state.doorsLeftOpen).toEqual([12]);
    state = kioskReducer(state, memberTap());
    expect(state.doorsLeftOpen).toEqual([12]);
    // The availability push after the door is shut takes it down.
    expect(kioskReducer(state, withDoors([])).doorsLeftOpen).toEqual([]);
  });

  it('for any locker, whatever is on screen; several at once, lowest first', () => {
    let state = kioskReducer(ready(), push('door-left-open', 41, 9));
    state = kioskReducer(state, push('door-left-open', 40, 3));
    state = kioskReducer(state, push('door-left-open', 40, 3));
    expect(state.doorsLeftOpen).toEqual([3, 9]);
    expect(kioskReducer(ready(), withDoors([2, 5])).doorsLeftOpen).toEqual([2, 5]);
  });

  it('a failed availability call keeps the alarms last known', () => {
    const state = kioskReducer(ready(), withDoors([4]));
    expect(kioskReducer(state, { type: 'locker-availability', availability: null }).doorsLeftOpen).toEqual([4]);
  });
});

describe('personal screens', () => {
  it('a tap starts a countdown that goes on through the charge screens without restarting', () => {
    const welcome = ready(memberTap(), lockersReady);
    expect(welcome.personal).toBe(1);
    const picker = kioskReducer(welcome, { type: 'charge' });
    expect(picker.screen.name).toBe('locker-cable');
    expect(picker.personal).toBe(1);
    const heldScreen = kioskReducer(picker, { type: 'claimed', cable: 'usb-c', outcome: { kind: 'already-holding', locker: held } });
    expect(heldScreen.screen.name).toBe('locker-held');
    expect(heldScreen.personal).toBe(1);
  });

  it('another tap restarts it; a touch (category chosen) does not', () => {
    const welcome = ready({ type: 'check-in', outcome: { kind: 'welcome', visitId: 5, visitNumber: 1, needsCategory: true, category: null, cardPass: PASS, locker: null } });
    expect(kioskReducer(welcome, { type: 'category-done' }).personal).toBe(1);
    expect(kioskReducer(welcome, againTap(held)).personal).toBe(2);
  });

  it('stops when the screen is not personal: a door open, a guest, the attract screen', () => {
    const open = ready(memberTap(), lockersReady, { type: 'charge' }, opened(40, 12, null));
    expect(open.personal).toBeNull();
    expect(ready(guestIn).personal).toBeNull();
    expect(ready(guestIn, lockersReady, { type: 'charge' }).personal).toBeNull();
    expect(kioskReducer(ready(memberTap()), { type: 'home' }).personal).toBeNull();
  });
});

describe('member retrieve by card', () => {
  const holding = ready(againTap(held));

  it('opened → retrieve screen → session-ended → thanks', () => {
    let state = kioskReducer(holding, { type: 'retrieved', outcome: { kind: 'opened', sessionId: 31, lockerNumber: 7 }, atMs: T0 });
    expect(state.screen).toEqual({ name: 'locker-retrieve', sessionId: 31, lockerNumber: 7 });
    expect(kioskReducer(state, push('session-ended', 32, 9))).toBe(state);
    state = kioskReducer(state, push('session-ended', 31, 7));
    expect(state.screen).toEqual({ name: 'locker-ended', lockerNumber: 7 });
  });

  it('no-locker, lock-failed and unexpected outcomes each get a message', () => {
    const after = (outcome: Extract<KioskEvent, { type: 'retrieved' }>['outcome']) =>
      kioskReducer(holding, { type: 'retrieved', outcome, atMs: T0 }).screen;
    expect(after({ kind: 'no-locker' })).toEqual({ name: 'locker-message', problem: 'no-locker', lockerNumber: null });
    expect(after({ kind: 'lock-failed', lockerNumber: 7 })).toEqual({ name: 'locker-message', problem: 'lock-failed', lockerNumber: 7 });
    expect(after({ kind: 'wrong-code', attemptsLeft: 2 })).toMatchObject({ name: 'locker-message', problem: 'failed' });
    expect(after({ kind: 'locked-out', retryAfterSeconds: 30 })).toMatchObject({ name: 'locker-message', problem: 'failed' });
  });

  it('an expired pass asks for a fresh tap', () => {
    expect(kioskReducer(holding, { type: 'locker-call-failed', code: 'forbidden' }).screen).toMatchObject({ problem: 'tap-again' });
  });

  it('from the already-holding screen of a claim', () => {
    const state = ready(memberTap(), lockersReady, { type: 'charge' }, {
      type: 'claimed', cable: 'usb-c', outcome: { kind: 'already-holding', locker: held },
    }, { type: 'retrieved', outcome: { kind: 'opened', sessionId: 31, lockerNumber: 7 }, atMs: T0 });
    expect(state.screen.name).toBe('locker-retrieve');
  });

  it('drops a retrieve answer that arrives on a screen that did not ask', () => {
    const state = ready(memberTap());
    expect(kioskReducer(state, { type: 'retrieved', outcome: { kind: 'opened', sessionId: 31, lockerNumber: 7 }, atMs: T0 })).toBe(state);
  });
});

describe('guest retrieve by code', () => {
  const keypad = ready({ type: 'collect' });

  it('"Collect my phone" opens an empty keypad', () => {
    expect(keypad.screen).toEqual({ name: 'code-entry', step: 'locker', lockerNumber: null, digits: '', problem: null });
    expect(wantsAvailability(ready().screen)).toBe(true);
  });

  it('asks for the locker number (1–999, up to three digits) first, then the code', () => {
    let state = ready({ type: 'collect' }, ...keys('0'));
    expect(kioskReducer(state, { type: 'code-next' })).toBe(state);
    state = ready({ type: 'collect' }, ...keys('0081'));
    expect(state.screen).toMatchObject({ step: 'locker', digits: '008' });
    state = ready({ type: 'collect' }, ...keys('12'), { type: 'code-next' });
    expect(state.screen).toEqual({ name: 'code-entry', step: 'code', lockerNumber: 12, digits: '', problem: null });
    expect(state.screenSeq).toBe(keypad.screenSeq);
    // "Change locker", or Delete on an empty code, goes back with the number still typed.
    expect(kioskReducer(state, { type: 'code-change-locker' }).screen).toEqual({ name: 'code-entry', step: 'locker', lockerNumber: null, digits: '12', problem: null });
    expect(kioskReducer(state, { type: 'code-key', key: 'back', atMs: T0 }).screen).toMatchObject({ step: 'locker', digits: '12' });
  });

  it('types up to six digits, backspace removes one, without remounting the screen', () => {
    const codeStep = ready({ type: 'collect' }, ...keys('8'), { type: 'code-next' });
    let state = kioskReducer(codeStep, keys('1234567')[0] as KioskEvent);
    state = [...keys('234567')].reduce(kioskReducer, state);
    expect(state.screen).toMatchObject({ digits: '123456' });
    expect(state.screenSeq).toBe(keypad.screenSeq);
    state = kioskReducer(state, { type: 'code-key', key: 'back', atMs: T0 });
    expect(state.screen).toMatchObject({ digits: '12345' });
    const empty = kioskReducer(keypad, { type: 'code-key', key: 'back', atMs: T0 });
    expect(empty).toBe(keypad);
  });

  it('"Lost your code?": shown again while the door is open, otherwise a plain refusal', () => {
    const codeStep = ready({ type: 'collect' }, ...keys('8'), { type: 'code-next' });
    const back = kioskReducer(codeStep, { type: 'code-recovered', outcome: { kind: 'code', sessionId: 50, lockerNumber: 8, pickupCode: '042917', maxMinutes: 240 } });
    expect(back.screen).toEqual({
      name: 'pickup-code',
      opened: { sessionId: 50, lockerNumber: 8, holder: 'guest', maxMinutes: 240, skippedFaulty: [] },
      pickupCode: '042917',
      startedAtMs: null,
    });
    const refused = kioskReducer(codeStep, { type: 'code-recovered', outcome: { kind: 'not-open' } });
    expect(refused.screen).toEqual({ name: 'code-entry', step: 'code', lockerNumber: 8, digits: '', problem: { kind: 'not-open' } });
    expect(kioskReducer(refused, { type: 'code-key', key: '1', atMs: T0 }).screen).toMatchObject({ digits: '1', problem: null });
  });

  it('opened → retrieve → session-ended → thanks', () => {
    let state = kioskReducer(keypad, { type: 'retrieved', outcome: { kind: 'opened', sessionId: 50, lockerNumber: 8 }, atMs: T0 });
    expect(state.screen).toEqual({ name: 'locker-retrieve', sessionId: 50, lockerNumber: 8 });
    state = kioskReducer(state, push('session-ended', 50, 8));
    expect(state.screen).toEqual({ name: 'locker-ended', lockerNumber: 8 });
  });

  it('wrong-code clears the digits and shows attempts left until the next try', () => {
    let state = kioskReducer(ready({ type: 'collect' }, ...keys('8'), { type: 'code-next' }, ...keys('111111')), {
      type: 'retrieved', outcome: { kind: 'wrong-code', attemptsLeft: 2 }, atMs: T0,
    });
    expect(state.screen).toEqual({ name: 'code-entry', step: 'code', lockerNumber: 8, digits: '', problem: { kind: 'wrong-code', attemptsLeft: 2 } });
    state = kioskReducer(state, { type: 'code-key', key: '4', atMs: T0 });
    expect(state.screen).toEqual({ name: 'code-entry', step: 'code', lockerNumber: 8, digits: '4', problem: { kind: 'wrong-code', attemptsLeft: 2 } });
  });

  it("locked-out refuses that locker's keys until the time is up, then clears; another locker can be entered meanwhile", () => {
    const codeStep = ready({ type: 'collect' }, ...keys('8'), { type: 'code-next' });
    const locked = kioskReducer(codeStep, { type: 'retrieved', outcome: { kind: 'locked-out', retryAfterSeconds: 30 }, atMs: T0 });
    expect(locked.screen).toEqual({ name: 'code-entry', step: 'code', lockerNumber: 8, digits: '', problem: { kind: 'locked-out', untilMs: T0 + 30_000 } });
    expect(kioskReducer(locked, { type: 'code-key', key: '1', atMs: T0 + 29_999 })).toBe(locked);
    expect(kioskReducer(locked, { type: 'code-key', key: '1', atMs: T0 + 30_000 }).screen)
      .toEqual({ name: 'code-entry', step: 'code', lockerNumber: 8, digits: '1', problem: null });
    const other = [{ type: 'code-change-locker' } as KioskEvent, { type: 'code-key', key: 'back', atMs: T0 } as KioskEvent, ...keys('9'), { type: 'code-next' } as KioskEvent]
      .reduce(kioskReducer, locked);
    expect(other.screen).toEqual({ name: 'code-entry', step: 'code', lockerNumber: 9, digits: '', problem: null });
  });

  it('lock-failed says which locker; unavailable and other errors have messages', () => {
    expect(kioskReducer(keypad, { type: 'retrieved', outcome: { kind: 'lock-failed', lockerNumber: 8 }, atMs: T0 }).screen)
      .toEqual({ name: 'locker-message', problem: 'lock-failed', lockerNumber: 8 });
    expect(kioskReducer(keypad, { type: 'locker-call-failed', code: 'unavailable' }).screen).toMatchObject({ problem: 'unavailable' });
    // A guest has no card to tap again.
    expect(kioskReducer(keypad, { type: 'locker-call-failed', code: 'forbidden' }).screen).toMatchObject({ problem: 'failed' });
  });

  it('keys on another screen do nothing', () => {
    const state = ready();
    expect(kioskReducer(state, { type: 'code-key', key: '1', atMs: T0 })).toBe(state);
  });

  it('the service dropping leaves the keypad for attract', () => {
    expect(kioskReducer(ready({ type: 'collect' }, ...keys('12')), { type: 'service-unavailable' }).screen.name).toBe('attract');
  });
});

describe('session ended elsewhere', () => {
  it('ends an open claim (door shut without starting) with the thanks screen', () => {
    const state = ready(memberTap(), lockersReady, { type: 'charge' }, opened(40, 12, null), push('session-ended', 40, 12));
    expect(state.screen).toEqual({ name: 'locker-ended', lockerNumber: 12 });
  });

  it('is ignored on the charging screen of another session and on attract', () => {
    const attract = ready();
    expect(kioskReducer(attract, push('session-ended', 40, 12))).toBe(attract);
  });
});

describe('held locker on the welcome screens follows pushed events', () => {
  const claimedOpen: HeldLocker = { sessionId: 31, lockerNumber: 7, startedAtMs: null, dueAtMs: T0 + 200 * MIN };
  const memberLocker = (state: KioskState) =>
    state.screen.name === 'welcome' || state.screen.name === 'already-here' ? state.screen.member.locker : 'no welcome screen';

  it('a door shut starts the clock: started now, due after maxMinutes, in place', () => {
    const before = ready(memberTap({ locker: claimedOpen }), lockersReady);
    const after = kioskReducer(before, push('session-started', 31, 7, T0 + 5 * MIN));
    expect(memberLocker(after)).toEqual({ sessionId: 31, lockerNumber: 7, startedAtMs: T0 + 5 * MIN, dueAtMs: T0 + 245 * MIN });
    expect(after.screen.name).toBe('welcome');
    expect(after.screenSeq).toBe(before.screenSeq);
  });

  it('keeps the due time it was given while availability is not known yet', () => {
    const after = kioskReducer(ready(againTap(claimedOpen)), push('session-started', 31, 7, T0 + 5 * MIN));
    expect(memberLocker(after)).toEqual({ ...claimedOpen, startedAtMs: T0 + 5 * MIN });
  });

  it('a session ended or released takes the locker away and offers charging again, on the same screen', () => {
    for (const kind of ['session-ended', 'claim-released'] as const) {
      const before = ready(memberTap({ locker: held }), lockersReady);
      expect(chargeOffer(before)).toBe('hidden');
      const after = kioskReducer(before, push(kind, 31, 7));
      expect(after.screen).toMatchObject({ name: 'welcome', visitId: 5, member: { cardPass: PASS, locker: null } });
      expect(chargeOffer(after)).toBe('ready');
    }
  });

  it('a door left open or another session leaves it as it is', () => {
    const before = ready(againTap(held), lockersReady);
    expect(memberLocker(kioskReducer(before, push('door-left-open', 31, 7)))).toEqual(held);
    expect(kioskReducer(before, push('session-ended', 32, 8)).screen).toBe(before.screen);
    expect(kioskReducer(before, push('session-started', 31, 7)).screen).toBe(before.screen);
  });

  it('the held-locker screen updates in place, then gives way to thanks or attract', () => {
    const picker = ready(memberTap(), lockersReady, { type: 'charge' });
    const heldScreen = kioskReducer(picker, { type: 'claimed', cable: 'usb-c', outcome: { kind: 'already-holding', locker: claimedOpen } });
    const shut = kioskReducer(heldScreen, push('session-started', 31, 7, T0));
    expect(shut.screen).toEqual({ name: 'locker-held', locker: { ...claimedOpen, startedAtMs: T0, dueAtMs: T0 + 240 * MIN }, cardPass: PASS });
    expect(kioskReducer(shut, push('session-ended', 31, 7)).screen).toEqual({ name: 'locker-ended', lockerNumber: 7 });
    expect(kioskReducer(shut, push('claim-released', 31, 7)).screen).toEqual({ name: 'attract' });
  });
});

describe('locker sounds', () => {
  it('success for opened doors, failure for refusals', () => {
    expect(soundForEvent(opened(1, 1, null))).toBe('success');
    expect(soundForEvent({ type: 'claimed', cable: 'usb-c', outcome: { kind: 'none-free' } })).toBe('failure');
    expect(soundForEvent({ type: 'retrieved', outcome: { kind: 'opened', sessionId: 1, lockerNumber: 1 }, atMs: T0 })).toBe('success');
    expect(soundForEvent({ type: 'retrieved', outcome: { kind: 'wrong-code', attemptsLeft: 1 }, atMs: T0 })).toBe('failure');
    expect(soundForEvent({ type: 'locker-call-failed', code: 'unavailable' })).toBe('failure');
    expect(soundForEvent(push('session-started', 1, 1))).toBeNull();
  });
});
