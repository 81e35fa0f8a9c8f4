import { describe, expect, it } from 'vitest';
import type { LockerView } from '../../common/lockers';
import { initialLockerPanel, lockerPanelReducer, stewardActionsFor, type LockerPanelEvent, type LockerPanelState } from './locker-panel';

const locker = (lockerNumber: number, extra: Partial<LockerView> = {}): LockerView => ({
  lockerNumber,
  cable: 'usb-c',
  state: 'free',
  doorClosed: true,
  itemPresent: false,
  session: null,
  ...extra,
});

const run = (...events: LockerPanelEvent[]): LockerPanelState => events.reduce(lockerPanelReducer, initialLockerPanel);
const LOCKERS = [locker(3), locker(1, { state: 'charging' }), locker(2, { state: 'faulty' })];
const loaded = (): LockerPanelState => run({ type: 'lockers-loaded', lockers: LOCKERS });

describe('locker section', () => {
  it('nothing can be selected before the first answer; the grid is sorted by locker number', () => {
    expect(run({ type: 'select', lockerNumber: 1 })).toBe(initialLockerPanel);
    expect(loaded()).toEqual({ lockers: [LOCKERS[1], LOCKERS[2], LOCKERS[0]], refreshFailed: false, step: { kind: 'grid' } });
  });

  it('a failed refresh keeps the last grid, marked; the next answer clears the mark', () => {
    const failed = lockerPanelReducer(loaded(), { type: 'lockers-failed' });
    expect(failed).toMatchObject({ refreshFailed: true, lockers: [LOCKERS[1], LOCKERS[2], LOCKERS[0]] });
    expect(lockerPanelReducer(failed, { type: 'lockers-loaded', lockers: [] })).toEqual({ lockers: [], refreshFailed: false, step: { kind: 'grid' } });
  });

  it('select → choose → send → done, back to the grid; a call under way cannot be left', () => {
    let state = lockerPanelReducer(loaded(), { type: 'select', lockerNumber: 2 });
    expect(state.step).toEqual({ kind: 'actions', lockerNumber: 2 });
    state = lockerPanelReducer(state, { type: 'choose', action: 'mark-repaired' });
    expect(state.step).toEqual({ kind: 'reason', lockerNumber: 2, action: 'mark-repaired' });
    expect(lockerPanelReducer(state, { type: 'back' }).step).toEqual({ kind: 'actions', lockerNumber: 2 });
    state = lockerPanelReducer(state, { type: 'send' });
    expect(state.step).toEqual({ kind: 'sending', lockerNumber: 2, action: 'mark-repaired' });
    expect(lockerPanelReducer(state, { type: 'back' })).toBe(state);
    expect(lockerPanelReducer(state, { type: 'select', lockerNumber: 1 })).toBe(state);
    state = lockerPanelReducer(state, { type: 'action-done', ok: false });
    expect(state.step).toEqual({ kind: 'result', lockerNumber: 2, action: 'mark-repaired', ok: false });
    expect(lockerPanelReducer(state, { type: 'back' }).step).toEqual({ kind: 'grid' });
  });

  it('events out of step change nothing', () => {
    const state = loaded();
    expect(lockerPanelReducer(state, { type: 'choose', action: 'remote-open' })).toBe(state);
    expect(lockerPanelReducer(state, { type: 'send' })).toBe(state);
    expect(lockerPanelReducer(state, { type: 'action-done', ok: true })).toBe(state);
    expect(lockerPanelReducer(state, { type: 'back' }).step).toEqual({ kind: 'grid' });
  });

  it('offers actions by state', () => {
    expect(stewardActionsFor(locker(1, { state: 'offline' }))).toEqual([]);
    expect(stewardActionsFor(locker(1, { state: 'charging' }))).toEqual(['remote-open', 'mark-faulty', 'end-session']);
  });
});
