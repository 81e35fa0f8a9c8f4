/**
 * The console's sign-in as a pure reducer: the screen opens (the service is told, so a steward
 * card now signs in) → a steward card is tapped, or "PIN only" → the PIN on the keypad → the
 * service's answer. A fresh station without stewards shows the setup code entry instead.
 * The session token lives only in this state, so it is gone when the console unmounts.
 */
import { missingCase } from '../../common/result';
import type { StewardSignInOutcome, StewardSignedIn } from '../../common/steward';
import type { CodeKey } from '../app/locker-flow';

/** Steward PINs are 4–8 digits (see `stewardPinSchema`). */
export const STEWARD_PIN_MIN = 4;
export const STEWARD_PIN_MAX = 8;

export function pinComplete(digits: string): boolean {
  return digits.length >= STEWARD_PIN_MIN && digits.length <= STEWARD_PIN_MAX;
}

export type PinProblem =
  | { readonly kind: 'wrong'; readonly attemptsLeft: number }
  | { readonly kind: 'locked-out'; readonly retryAfterSeconds: number }
  | { readonly kind: 'failed' };

export type SignInState =
  | { readonly stage: 'opening' }
  | { readonly stage: 'setup' }
  | { readonly stage: 'tap'; readonly pinOnly: boolean; readonly tapAgain: boolean }
  | {
      readonly stage: 'pin';
      readonly pinOnly: boolean;
      /** From the steward card's tap; null for PIN only. */
      readonly pending: string | null;
      readonly name: string | null;
      readonly digits: string;
      readonly problem: PinProblem | null;
      readonly checking: boolean;
    }
  | { readonly stage: 'signed-in'; readonly steward: StewardSignedIn };

export type SignInEvent =
  | { readonly type: 'opened'; readonly needsSetup: boolean; readonly pinOnly: boolean }
  | { readonly type: 'card'; readonly pending: string; readonly name: string }
  | { readonly type: 'pin-only' }
  | { readonly type: 'key'; readonly key: CodeKey }
  | { readonly type: 'submit' }
  | { readonly type: 'answer'; readonly outcome: StewardSignInOutcome | 'failed' }
  | { readonly type: 'set-up'; readonly steward: StewardSignedIn }
  /** Back from the keypad to "tap your card". */
  | { readonly type: 'back' };

export const initialSignIn: SignInState = { stage: 'opening' };

export function signInReducer(state: SignInState, event: SignInEvent): SignInState {
  switch (event.type) {
    case 'opened':
      if (state.stage !== 'opening') return state;
      return event.needsSetup ? { stage: 'setup' } : { stage: 'tap', pinOnly: event.pinOnly, tapAgain: false };
    case 'card':
      // A card while the PIN of another is being checked waits for that answer.
      if (state.stage === 'tap' || (state.stage === 'pin' && !state.checking)) {
        return { stage: 'pin', pinOnly: state.pinOnly, pending: event.pending, name: event.name, digits: '', problem: null, checking: false };
      }
      return state;
    case 'pin-only':
      return state.stage === 'tap' && state.pinOnly
        ? { stage: 'pin', pinOnly: true, pending: null, name: null, digits: '', problem: null, checking: false }
        : state;
    case 'key':
      return state.stage === 'pin' && !state.checking ? typeKey(state, event.key) : state;
    case 'submit':
      return state.stage === 'pin' && !state.checking && pinComplete(state.digits) ? { ...state, checking: true, problem: null } : state;
    case 'answer':
      return state.stage === 'pin' && state.checking ? answered(state, event.outcome) : state;
    case 'set-up':
      return state.stage === 'setup' ? { stage: 'signed-in', steward: event.steward } : state;
    case 'back':
      return state.stage === 'pin' && !state.checking ? { stage: 'tap', pinOnly: state.pinOnly, tapAgain: false } : state;
    default:
      return missingCase(event);
  }
}

type PinState = Extract<SignInState, { stage: 'pin' }>;

function typeKey(state: PinState, key: CodeKey): SignInState {
  if (key === 'back') return state.digits === '' ? state : { ...state, digits: state.digits.slice(0, -1) };
  if (state.digits.length >= STEWARD_PIN_MAX) return state;
  return { ...state, digits: state.digits + key, problem: null };
}

function answered(state: PinState, outcome: StewardSignInOutcome | 'failed'): SignInState {
  const retry = (problem: PinProblem): SignInState => ({ ...state, digits: '', checking: false, problem });
  if (outcome === 'failed') return retry({ kind: 'failed' });
  switch (outcome.kind) {
    case 'signed-in':
      return { stage: 'signed-in', steward: outcome.steward };
    case 'wrong-pin':
      return retry({ kind: 'wrong', attemptsLeft: outcome.attemptsLeft });
    case 'locked-out':
      return retry({ kind: 'locked-out', retryAfterSeconds: outcome.retryAfterSeconds });
    case 'tap-again':
      return { stage: 'tap', pinOnly: state.pinOnly, tapAgain: true };
    default:
      return missingCase(outcome);
  }
}
