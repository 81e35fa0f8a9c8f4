import { describe, expect, it } from 'vitest';
import type { LockerView } from '../../common/lockers';
import { initialStewardState, stewardPin, stewardReducer, type StewardEvent, type StewardState } from './steward-panel';

const locker = (lockerNumber: number, extra: Partial<LockerView> = {}): LockerView => ({
  lockerNumber,
  cable: 'usb-c',
  state: 'free',
  doorClosed: true,
  itemPresent: false,
  session: null,
  ...extra,
});

const run = (...events: StewardEvent[]): StewardState => events.reduce(stewardReducer, initialStewardState);
const type = (digits: string): StewardEvent[] => [...digits].map((key) => ({ type: 'key', key: key as '0' }));
const LOCKERS = [locker(3), locker(1, { state: 'charging' }), locker(2, { state: 'faulty' })];
const signedIn = (): StewardState =>
  run(...type('2468'), { type: 'pin-submit' }, { type: 'lockers-loaded', pin: '2468', lockers: LOCKERS });

describe('steward PIN entry', () => {
  it('types up to 8 digits, deletes with back', () => {
    let state = run(...type('123456789'));
    expect(state).toEqual({ stage: 'pin', digits: '12345678', problem: null, checking: false });
    state = stewardReducer(state, { type: 'key', key: 'back' });
    expect(state).toMatchObject({ digits: '1234567' });
    const empty = run({ type: 'key', key: 'back' });
    expect(empty).toBe(initialStewardState);
  });

  it('submits only 4–8 digits, and only once', () => {
    expect(run(...type('123'), { type: 'pin-submit' })).toMatchObject({ checking: false });
    const checking = run(...type('1234'), { type: 'pin-submit' });
    expect(checking).toEqual({ stage: 'pin', digits: '1234', problem: null, checking: true });
    expect(stewardReducer(checking, { type: 'pin-submit' })).toBe(checking);
    expect(stewardReducer(checking, { type: 'key', key: '5' })).toBe(checking);
    expect(stewardPin(checking)).toBeNull();
  });

  it('a refused PIN clears the digits and says so; the next key clears the message', () => {
    let state = run(...type('1111'), { type: 'pin-submit' }, { type: 'lockers-failed', pin: '1111', code: 'forbidden' });
    expect(state).toEqual({ stage: 'pin', digits: '', problem: 'wrong', checking: false });
    state = stewardReducer(state, { type: 'key', key: '7' });
    expect(state).toEqual({ stage: 'pin', digits: '7', problem: null, checking: false });
  });

  it('a service failure is not a wrong PIN', () => {
    const state = run(...type('1111'), { type: 'pin-submit' }, { type: 'lockers-failed', pin: '1111', code: 'unavailable' });
    expect(state).toEqual({ stage: 'pin', digits: '', problem: 'failed', checking: false });
  });

  it('an accepted PIN opens the grid, sorted by locker number, and is kept for calls', () => {
    const state = signedIn();
    expect(state).toEqual({
      stage: 'lockers',
      pin: '2468',
      lockers: [LOCKERS[1], LOCKERS[2], LOCKERS[0]],
      refreshFailed: false,
      step: { kind: 'grid' },
    });
    expect(stewardPin(state)).toBe('2468');
  });

  it('ignores answers for a PIN that is not being checked', () => {
    const typed = run(...type('2468'));
    expect(stewardReducer(typed, { type: 'lockers-loaded', pin: '2468', lockers: LOCKERS })).toBe(typed);
    const checking = run(...type('2468'), { type: 'pin-submit' });
    expect(stewardReducer(checking, { type: 'lockers-loaded', pin: '9999', lockers: LOCKERS })).toBe(checking);
    expect(stewardReducer(checking, { type: 'lockers-failed', pin: '9999', code: 'forbidden' })).toBe(checking);
  });
});

describe('steward locker grid', () => {
  it('a refresh replaces the lockers; a failed one keeps them and marks them old', () => {
    const fresh = [locker(1, { state: 'free' })];
    let state = stewardReducer(signedIn(), { type: 'lockers-failed', pin: '2468', code: 'unavailable' });
    expect(state).toMatchObject({ stage: 'lockers', refreshFailed: true, lockers: [LOCKERS[1], LOCKERS[2], LOCKERS[0]] });
    state = stewardReducer(state, { type: 'lockers-loaded', pin: '2468', lockers: fresh });
    expect(state).toMatchObject({ refreshFailed: false, lockers: fresh });
  });

  it('a refresh refused with forbidden drops the PIN and asks again', () => {
    const state = stewardReducer(signedIn(), { type: 'lockers-failed', pin: '2468', code: 'forbidden' });
    expect(state).toEqual({ stage: 'pin', digits: '', problem: 'wrong', checking: false });
    expect(JSON.stringify(state)).not.toContain('2468');
  });

  it('tile → action → reason → sending → result → back to the grid', () => {
    let state = stewardReducer(signedIn(), { type: 'select', lockerNumber: 2 });
    expect(state).toMatchObject({ step: { kind: 'actions', lockerNumber: 2 } });
    state = stewardReducer(state, { type: 'choose', action: 'mark-repaired' });
    expect(state).toMatchObject({ step: { kind: 'reason', lockerNumber: 2, action: 'mark-repaired' } });
    state = stewardReducer(state, { type: 'send' });
    expect(state).toMatchObject({ step: { kind: 'sending', lockerNumber: 2, action: 'mark-repaired' } });
    state = stewardReducer(state, { type: 'action-done', ok: true });
    expect(state).toMatchObject({ step: { kind: 'result', lockerNumber: 2, action: 'mark-repaired', ok: true } });
    state = stewardReducer(state, { type: 'back' });
    expect(state).toMatchObject({ pin: '2468', step: { kind: 'grid' } });
  });

  it('a failed action is shown as failed', () => {
    const state = run(
      ...type('2468'),
      { type: 'pin-submit' },
      { type: 'lockers-loaded', pin: '2468', lockers: LOCKERS },
      { type: 'select', lockerNumber: 3 },
      { type: 'choose', action: 'end-session' },
      { type: 'send' },
      { type: 'action-done', ok: false },
    );
    expect(state).toMatchObject({ step: { kind: 'result', lockerNumber: 3, action: 'end-session', ok: false } });
  });

  it('back walks one step: reason → actions → grid', () => {
    let state = run(
      ...type('2468'),
      { type: 'pin-submit' },
      { type: 'lockers-loaded', pin: '2468', lockers: LOCKERS },
      { type: 'select', lockerNumber: 1 },
      { type: 'choose', action: 'remote-open' },
    );
    state = stewardReducer(state, { type: 'back' });
    expect(state).toMatchObject({ step: { kind: 'actions', lockerNumber: 1 } });
    state = stewardReducer(state, { type: 'back' });
    expect(state).toMatchObject({ step: { kind: 'grid' } });
    expect(stewardReducer(state, { type: 'back' })).toBe(state);
  });

  it('while an action is under way: no back, no other tile, no second send', () => {
    const sending = run(
      ...type('2468'),
      { type: 'pin-submit' },
      { type: 'lockers-loaded', pin: '2468', lockers: LOCKERS },
      { type: 'select', lockerNumber: 1 },
      { type: 'choose', action: 'remote-open' },
      { type: 'send' },
    );
    expect(stewardReducer(sending, { type: 'back' })).toBe(sending);
    expect(stewardReducer(sending, { type: 'select', lockerNumber: 2 })).toBe(sending);
    expect(stewardReducer(sending, { type: 'send' })).toBe(sending);
    expect(stewardReducer(sending, { type: 'choose', action: 'mark-faulty' })).toBe(sending);
  });

  it('another tile can be picked from the actions or the result', () => {
    const actions = stewardReducer(signedIn(), { type: 'select', lockerNumber: 1 });
    expect(stewardReducer(actions, { type: 'select', lockerNumber: 3 })).toMatchObject({ step: { kind: 'actions', lockerNumber: 3 } });
  });

  it('steps out of order do nothing', () => {
    const grid = signedIn();
    for (const event of [
      { type: 'choose', action: 'mark-faulty' },
      { type: 'send' },
      { type: 'action-done', ok: true },
      { type: 'key', key: '1' },
      { type: 'pin-submit' },
    ] as const) {
      expect(stewardReducer(grid, event)).toBe(grid);
    }
    expect(run({ type: 'select', lockerNumber: 1 })).toBe(initialStewardState);
    expect(run({ type: 'action-done', ok: true })).toBe(initialStewardState);
  });
});
