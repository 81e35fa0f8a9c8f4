/**
 * The console's locker section as a pure reducer: every locker on a grid → one locker's
 * actions → a preset reason → the answer. The steward session is the console's; a refused
 * session (signed out, expired) is handled there, not here.
 */
import type { MethodInput } from '../../common/contract';
import type { LockerView } from '../../common/lockers';
import { missingCase } from '../../common/result';

/** What a steward can do to one locker (see `stewardLockerActionSchema`). */
export type StewardAction = MethodInput<'stewardLockerAction'>['action'];

export const STEWARD_ACTIONS: readonly StewardAction[] = ['remote-open', 'mark-faulty', 'mark-repaired', 'end-session', 'clear-lockout'];

/**
 * The actions that make sense for a locker as it is now, in `STEWARD_ACTIONS` order: a
 * session can be ended only where there is one, "repaired" only for a faulty locker, a door
 * that is already open is not opened again, and an offline locker cannot be reached at all.
 */
export function stewardActionsFor(locker: LockerView): readonly StewardAction[] {
  const canOpen = locker.doorClosed !== false;
  switch (locker.state) {
    case 'offline':
      return [];
    case 'free':
      return canOpen ? ['remote-open', 'mark-faulty'] : ['mark-faulty'];
    case 'claimed':
    case 'charging':
    case 'retrieving':
      return canOpen ? ['remote-open', 'mark-faulty', 'end-session'] : ['mark-faulty', 'end-session'];
    case 'faulty':
      return canOpen ? ['remote-open', 'mark-repaired'] : ['mark-repaired'];
    case 'disabled':
      // Out of use in lockers.json: only opened, e.g. to take something out.
      return canOpen ? ['remote-open'] : [];
    default:
      return missingCase(locker.state);
  }
}

/** How often the locker grid asks for fresh states while it is open, ms. */
export const STEWARD_REFRESH_MS = 4000;

/** Where the section is. */
export type StewardStep =
  | { readonly kind: 'grid' }
  | { readonly kind: 'actions'; readonly lockerNumber: number }
  | { readonly kind: 'reason'; readonly lockerNumber: number; readonly action: StewardAction }
  | { readonly kind: 'sending'; readonly lockerNumber: number; readonly action: StewardAction }
  | { readonly kind: 'result'; readonly lockerNumber: number; readonly action: StewardAction; readonly ok: boolean };

export interface LockerPanelState {
  /** null until the first answer. */
  readonly lockers: readonly LockerView[] | null;
  /** The last refresh failed: the grid shows what it last knew, marked as old. */
  readonly refreshFailed: boolean;
  readonly step: StewardStep;
}

export type LockerPanelEvent =
  | { readonly type: 'lockers-loaded'; readonly lockers: readonly LockerView[] }
  | { readonly type: 'lockers-failed' }
  | { readonly type: 'select'; readonly lockerNumber: number }
  | { readonly type: 'choose'; readonly action: StewardAction }
  /** A reason was picked: the action call is under way. */
  | { readonly type: 'send' }
  | { readonly type: 'action-done'; readonly ok: boolean }
  | { readonly type: 'back' };

export const initialLockerPanel: LockerPanelState = { lockers: null, refreshFailed: false, step: { kind: 'grid' } };

export function lockerPanelReducer(state: LockerPanelState, event: LockerPanelEvent): LockerPanelState {
  switch (event.type) {
    case 'lockers-loaded':
      return { ...state, lockers: sorted(event.lockers), refreshFailed: false };
    case 'lockers-failed':
      return { ...state, refreshFailed: true };
    case 'select':
      // Another tile may be tapped at any step except while a call is under way.
      return state.lockers !== null && state.step.kind !== 'sending' ? { ...state, step: { kind: 'actions', lockerNumber: event.lockerNumber } } : state;
    case 'choose': {
      const step = inStep(state, 'actions');
      return step ? { ...state, step: { kind: 'reason', lockerNumber: step.lockerNumber, action: event.action } } : state;
    }
    case 'send': {
      const step = inStep(state, 'reason');
      return step ? { ...state, step: { ...step, kind: 'sending' } } : state;
    }
    case 'action-done': {
      const step = inStep(state, 'sending');
      return step ? { ...state, step: { ...step, kind: 'result', ok: event.ok } } : state;
    }
    case 'back': {
      const step = back(state.step);
      return step === state.step ? state : { ...state, step };
    }
    default:
      return missingCase(event);
  }
}

function inStep<K extends StewardStep['kind']>(state: LockerPanelState, kind: K): Extract<StewardStep, { kind: K }> | null {
  return state.step.kind === kind ? (state.step as Extract<StewardStep, { kind: K }>) : null;
}

/** One step back; a call under way cannot be walked away from until it answers. */
function back(step: StewardStep): StewardStep {
  switch (step.kind) {
    case 'grid':
    case 'sending':
      return step;
    case 'actions':
    case 'result':
      return { kind: 'grid' };
    case 'reason':
      return { kind: 'actions', lockerNumber: step.lockerNumber };
    default:
      return missingCase(step);
  }
}

function sorted(lockers: readonly LockerView[]): readonly LockerView[] {
  return [...lockers].sort((a, b) => a.lockerNumber - b.lockerNumber);
}
