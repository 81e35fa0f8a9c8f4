/**
 * The console's sign-in screen: "tap your steward card" (or "PIN only" where a steward has no
 * card), then the PIN on the keypad. The PIN is sent once per "OK".
 */
import { useRef, type Dispatch, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../common/contract';
import type { StewardSignInOutcome } from '../../common/steward';
import { playSound } from '../app/sounds';
import { Icon } from '../components/icons';
import { Keypad } from '../components/Keypad';
import { pinComplete, STEWARD_PIN_MAX, type PinProblem, type SignInEvent, type SignInState } from './sign-in-state';

export interface SignInPanelProps {
  readonly state: Extract<SignInState, { stage: 'tap' | 'pin' }>;
  readonly dispatch: Dispatch<SignInEvent>;
  readonly client: StationClient;
  readonly exit: ReactNode;
}

export function SignInPanel({ state, dispatch, client, exit }: SignInPanelProps): ReactElement {
  const { t } = useTranslation();
  const inFlight = useRef(false);

  if (state.stage === 'tap') {
    return (
      <section className="screen screen-steward-tap" data-testid="screen-steward-tap">
        <header className="screen-heading">
          <h1>{t('console.signIn.tapTitle')}</h1>
          <p>{t('console.signIn.tapHint')}</p>
          {state.tapAgain && (
            <p className="code-problem" data-testid="steward-tap-again" role="alert">
              {t('console.signIn.tapAgain')}
            </p>
          )}
        </header>
        <div className="screen-actions">
          {state.pinOnly && (
            <button type="button" className="big-button" data-testid="steward-pin-only" onClick={() => dispatch({ type: 'pin-only' })}>
              {t('console.signIn.pinOnly')}
            </button>
          )}
          {exit}
        </div>
      </section>
    );
  }

  const submitPin = (): void => {
    if (inFlight.current || state.checking || !pinComplete(state.digits)) return;
    inFlight.current = true;
    playSound('tap');
    dispatch({ type: 'submit' });
    void client
      .signInSteward({ pending: state.pending, pin: state.digits })
      .then(
        (result): StewardSignInOutcome | 'failed' => (result.ok ? result.value : 'failed'),
        () => 'failed' as const,
      )
      .then((outcome) => {
        inFlight.current = false;
        if (outcome !== 'failed' && outcome.kind !== 'signed-in') playSound('failure');
        dispatch({ type: 'answer', outcome });
      });
  };
  return (
    <section className="screen screen-steward-pin" data-testid="screen-steward-pin">
      <header className="screen-heading">
        <h1>{state.name === null ? t('steward.pinTitle') : t('console.signIn.pinFor', { name: state.name })}</h1>
        <p>{t('steward.pinHint')}</p>
      </header>
      <div className="code-entry-body">
        <Keypad
          digits={state.digits}
          length={STEWARD_PIN_MAX}
          disabled={state.checking}
          canSubmit={pinComplete(state.digits)}
          onKey={(key) => dispatch({ type: 'key', key })}
          onSubmit={submitPin}
          masked
          submitTestId="steward-pin-submit"
          digitsLabel={t('steward.pinDigits')}
          submitLabel={t('steward.pinSubmit')}
        />
        <div className="code-entry-side">{state.problem && <PinProblemText problem={state.problem} />}</div>
      </div>
      <div className="screen-actions">
        <button type="button" className="big-button" data-testid="steward-pin-back" onClick={() => dispatch({ type: 'back' })}>
          {t('steward.back')}
        </button>
        {exit}
      </div>
    </section>
  );
}

function PinProblemText({ problem }: { readonly problem: PinProblem }): ReactElement {
  const { t } = useTranslation();
  const text =
    problem.kind === 'wrong'
      ? t('console.signIn.wrongPin', { count: problem.attemptsLeft })
      : problem.kind === 'locked-out'
        ? t('console.signIn.lockedOut', { minutes: Math.ceil(problem.retryAfterSeconds / 60) })
        : t('steward.pinFailed');
  return (
    <p className="code-problem" data-testid={problem.kind === 'failed' ? 'steward-pin-failed' : `steward-pin-${problem.kind}`} role="alert">
      <Icon name="alert" className="inline-icon" /> {text}
    </p>
  );
}
