/**
 * First steward on a fresh station, as a pure reducer: the one-time setup code from the
 * station console → a new PIN → the same PIN again → sent. A refused code starts over at the
 * code; two different PINs go back to choosing one. Nothing is sent before the last step, so
 * each try costs one attempt towards the lockout.
 */
import { missingCase } from '../../common/result';
import type { CodeKey } from '../app/locker-flow';
import { pinComplete, STEWARD_PIN_MAX } from './sign-in-state';

/** Setup codes are exactly 8 digits (see `setUpStewardInputSchema`). */
export const STEWARD_SETUP_CODE_LENGTH = 8;

export type StewardSetupStep = 'code' | 'pin' | 'confirm';

export interface StewardSetupState {
  readonly step: StewardSetupStep;
  /** The setup code, once typed. */
  readonly code: string;
  /** The new PIN, once chosen. */
  readonly pin: string;
  /** What is being typed on this step. */
  readonly digits: string;
  /** `wrong-code`: the service refused the code; `mismatch`: the PINs differed; `failed`: no answer. */
  readonly problem: 'wrong-code' | 'mismatch' | 'failed' | null;
  /** The code and PIN are on their way; keys wait for the answer. */
  readonly sending: boolean;
}

export type StewardSetupEvent =
  | { readonly type: 'key'; readonly key: CodeKey }
  /** "Next" (or "Set PIN" on the last step). */
  | { readonly type: 'submit' }
  /** `setUpSteward` answered: ok, or refused (`forbidden`), or failed otherwise. */
  | { readonly type: 'answer'; readonly outcome: 'ok' | 'refused' | 'failed' };

export const initialStewardSetup: StewardSetupState = { step: 'code', code: '', pin: '', digits: '', problem: null, sending: false };

/** Longest entry on a step. */
export function setupLength(step: StewardSetupStep): number {
  return step === 'code' ? STEWARD_SETUP_CODE_LENGTH : STEWARD_PIN_MAX;
}

export function setupCanSubmit(state: StewardSetupState): boolean {
  if (state.sending) return false;
  return state.step === 'code' ? state.digits.length === STEWARD_SETUP_CODE_LENGTH : pinComplete(state.digits);
}

/** The code and PIN to send, when the last step was just submitted with matching PINs. */
export function setupToSend(state: StewardSetupState): { readonly setupCode: string; readonly pin: string } | null {
  return state.sending ? { setupCode: state.code, pin: state.pin } : null;
}

export function stewardSetupReducer(state: StewardSetupState, event: StewardSetupEvent): StewardSetupState {
  switch (event.type) {
    case 'key': {
      if (state.sending) return state;
      if (event.key === 'back') return state.digits === '' ? state : { ...state, digits: state.digits.slice(0, -1) };
      if (state.digits.length >= setupLength(state.step)) return state;
      return { ...state, digits: state.digits + event.key, problem: null };
    }
    case 'submit':
      if (!setupCanSubmit(state)) return state;
      switch (state.step) {
        case 'code':
          return { ...state, step: 'pin', code: state.digits, digits: '', problem: null };
        case 'pin':
          return { ...state, step: 'confirm', pin: state.digits, digits: '', problem: null };
        case 'confirm':
          return state.digits === state.pin
            ? { ...state, digits: '', sending: true, problem: null }
            : { ...state, step: 'pin', pin: '', digits: '', problem: 'mismatch' };
        default:
          return missingCase(state.step);
      }
    case 'answer':
      if (!state.sending) return state;
      switch (event.outcome) {
        case 'ok':
          return state;
        case 'refused':
          return { ...initialStewardSetup, problem: 'wrong-code' };
        case 'failed':
          return { ...state, sending: false, problem: 'failed' };
        default:
          return missingCase(event.outcome);
      }
    default:
      return missingCase(event);
  }
}
