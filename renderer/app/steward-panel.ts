/**
 * The steward's locker panel as a pure reducer: PIN on the keypad → every locker on a grid →
 * one locker's actions → a preset reason → the answer. The PIN lives only in this state, which
 * belongs to the panel's component: leaving the panel (exit, idle timeout, a card tap) unmounts
 * it and the PIN is gone.
 */
import type { MethodInput } from '../../common/contract';
import type { LockerView } from '../../common/lockers';
import type { ErrorCode } from '../../common/result';
import { missingCase } from '../../common/result';
import type { CodeKey } from './locker-flow';

/** What a steward can do to one locker (see `stewardLockerActionSchema`). */
export type StewardAction = MethodInput<'stewardLockerAction'>['action'];

export const STEWARD_ACTIONS: readonly StewardAction[] = ['remote-open', 'mark-faulty', 'mark-repaired', 'end-session'];

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

/** Steward PINs are 4–8 digits (see `stewardPinSchema`). */
export const STEWARD_PIN_MIN = 4;
export const STEWARD_PIN_MAX = 8;

/** How often the locker grid asks for fresh states while it is open, ms. */
export const STEWARD_REFRESH_MS = 4000;

/** Where the panel is once the PIN was accepted. */
export type StewardStep =
  | { readonly kind: 'grid' }
  | { readonly kind: 'actions'; readonly lockerNumber: number }
  | { readonly kind: 'reason'; readonly lockerNumber: number; readonly action: StewardAction }
  | { readonly kind: 'sending'; readonly lockerNumber: number; readonly action: StewardAction }
  | { readonly kind: 'result'; readonly lockerNumber: number; readonly action: StewardAction; readonly ok: boolean };

export type StewardState =
  | {
      readonly stage: 'pin';
      readonly digits: string;
      /** `wrong`: the service refused the PIN (or is locked out); `failed`: it could not be asked. */
      readonly problem: 'wrong' | 'failed' | null;
      /** The PIN is on its way; keys and submit wait for the answer. */
      readonly checking: boolean;
    }
  | {
      readonly stage: 'lockers';
      /** The accepted PIN, sent with every call of this panel. */
      readonly pin: string;
      readonly lockers: readonly LockerView[];
      /** The last refresh failed: the grid shows what it last knew, marked as old. */
      readonly refreshFailed: boolean;
      readonly step: StewardStep;
    };

export type StewardEvent =
  | { readonly type: 'key'; readonly key: CodeKey }
  | { readonly type: 'pin-submit' }
  /** The first PIN was just set on this panel: it is checked like a typed one. */
  | { readonly type: 'pin-set'; readonly pin: string }
  /** `listLockers` answered for this PIN (first check or a refresh). */
  | { readonly type: 'lockers-loaded'; readonly pin: string; readonly lockers: readonly LockerView[] }
  | { readonly type: 'lockers-failed'; readonly pin: string; readonly code: ErrorCode }
  | { readonly type: 'select'; readonly lockerNumber: number }
  | { readonly type: 'choose'; readonly action: StewardAction }
  /** A reason was picked: the action call is under way. */
  | { readonly type: 'send' }
  | { readonly type: 'action-done'; readonly ok: boolean }
  | { readonly type: 'back' };

export const initialStewardState: StewardState = { stage: 'pin', digits: '', problem: null, checking: false };

export function stewardReducer(state: StewardState, event: StewardEvent): StewardState {
  switch (event.type) {
    case 'key':
      return state.stage === 'pin' && !state.checking ? typePinKey(state, event.key) : state;
    case 'pin-submit':
      return state.stage === 'pin' && !state.checking && pinComplete(state.digits)
        ? { ...state, checking: true, problem: null }
        : state;
    case 'pin-set':
      return state.stage === 'pin' && !state.checking ? { stage: 'pin', digits: event.pin, problem: null, checking: true } : state;
    case 'lockers-loaded':
      if (state.stage === 'pin') {
        return state.checking && state.digits === event.pin
          ? { stage: 'lockers', pin: event.pin, lockers: sorted(event.lockers), refreshFailed: false, step: { kind: 'grid' } }
          : state;
      }
      return state.pin === event.pin ? { ...state, lockers: sorted(event.lockers), refreshFailed: false } : state;
    case 'lockers-failed':
      if (state.stage === 'pin') {
        if (!state.checking || state.digits !== event.pin) return state;
        return { stage: 'pin', digits: '', problem: event.code === 'forbidden' ? 'wrong' : 'failed', checking: false };
      }
      if (state.pin !== event.pin) return state;
      // The PIN stopped working (changed, or a lockout): it is dropped and asked for again.
      if (event.code === 'forbidden') return { stage: 'pin', digits: '', problem: 'wrong', checking: false };
      return { ...state, refreshFailed: true };
    case 'select':
      // Another tile may be tapped at any step except while a call is under way.
      return state.stage === 'lockers' && state.step.kind !== 'sending'
        ? withStep(state, { kind: 'actions', lockerNumber: event.lockerNumber })
        : state;
    case 'choose': {
      const step = inStep(state, 'actions');
      return step ? withStep(state, { kind: 'reason', lockerNumber: step.lockerNumber, action: event.action }) : state;
    }
    case 'send': {
      const step = inStep(state, 'reason');
      return step ? withStep(state, { ...step, kind: 'sending' }) : state;
    }
    case 'action-done': {
      const step = inStep(state, 'sending');
      return step ? withStep(state, { ...step, kind: 'result', ok: event.ok }) : state;
    }
    case 'back':
      return back(state);
    default:
      return missingCase(event);
  }
}

export function pinComplete(digits: string): boolean {
  return digits.length >= STEWARD_PIN_MIN && digits.length <= STEWARD_PIN_MAX;
}

/** The PIN to send with calls, once accepted; null while it is still being typed. */
export function stewardPin(state: StewardState): string | null {
  return state.stage === 'lockers' ? state.pin : null;
}

function typePinKey(state: Extract<StewardState, { stage: 'pin' }>, key: CodeKey): StewardState {
  if (key === 'back') return state.digits === '' ? state : { ...state, digits: state.digits.slice(0, -1) };
  if (state.digits.length >= STEWARD_PIN_MAX) return state;
  return { ...state, digits: state.digits + key, problem: null };
}

type LockersState = Extract<StewardState, { stage: 'lockers' }>;

function inStep<K extends StewardStep['kind']>(state: StewardState, kind: K): Extract<StewardStep, { kind: K }> | null {
  if (state.stage !== 'lockers' || state.step.kind !== kind) return null;
  return state.step as Extract<StewardStep, { kind: K }>;
}

function withStep(state: StewardState, step: StewardStep): StewardState {
  return { ...(state as LockersState), step };
}

/** One step back; a call under way cannot be walked away from until it answers. */
function back(state: StewardState): StewardState {
  if (state.stage !== 'lockers') return state;
  const { step } = state;
  switch (step.kind) {
    case 'grid':
    case 'sending':
      return state;
    case 'actions':
    case 'result':
      return withStep(state, { kind: 'grid' });
    case 'reason':
      return withStep(state, { kind: 'actions', lockerNumber: step.lockerNumber });
    default:
      return missingCase(step);
  }
}

function sorted(lockers: readonly LockerView[]): readonly LockerView[] {
  return [...lockers].sort((a, b) => a.lockerNumber - b.lockerNumber);
}
