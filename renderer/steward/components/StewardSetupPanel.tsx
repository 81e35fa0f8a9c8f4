/**
 * The console on a station that has no steward yet: the setup code from the station console,
 * then the new PIN twice. The code and PIN are sent from the last tap, once; on success the
 * first steward is signed in.
 */
import { useReducer, useRef, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../common/contract';
import type { Result } from '../../../common/result';
import type { StewardSignedIn } from '../../../common/steward';
import { playSound } from '../../app/sounds';
import {
  initialStewardSetup,
  setupCanSubmit,
  setupLength,
  setupToSend,
  stewardSetupReducer,
  type StewardSetupStep,
} from '../steward-setup';
import { Icon } from '../../components/icons';
import { Keypad } from '../../components/Keypad';

const STEP_TEXT = {
  code: { title: 'steward.setup.codeTitle', hint: 'steward.setup.codeHint', submit: 'steward.setup.next' },
  pin: { title: 'steward.setup.pinTitle', hint: 'steward.setup.pinHint', submit: 'steward.setup.next' },
  confirm: { title: 'steward.setup.confirmTitle', hint: 'steward.setup.confirmHint', submit: 'steward.setup.save' },
} as const satisfies Record<StewardSetupStep, { title: string; hint: string; submit: string }>;

const PROBLEM_TEXT = {
  'wrong-code': 'steward.setup.wrongCode',
  mismatch: 'steward.setup.mismatch',
  failed: 'steward.setup.failed',
} as const;

export interface StewardSetupPanelProps {
  readonly setUp: (input: MethodInput<'setUpSteward'>) => Promise<Result<StewardSignedIn>>;
  /** The first steward was set up and is signed in. */
  readonly onSetUp: (steward: StewardSignedIn) => void;
  /** The panel's Exit button. */
  readonly exit: ReactNode;
}

export function StewardSetupPanel({ setUp, onSetUp, exit }: StewardSetupPanelProps): ReactElement {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(stewardSetupReducer, initialStewardSetup);
  const inFlight = useRef(false);
  const text = STEP_TEXT[state.step];

  const submit = (): void => {
    if (inFlight.current || !setupCanSubmit(state)) return;
    playSound('tap');
    const send = setupToSend(stewardSetupReducer(state, { type: 'submit' }));
    dispatch({ type: 'submit' });
    if (send === null) return;
    inFlight.current = true;
    void setUp(send)
      .catch((): Result<StewardSignedIn> => ({ ok: false, code: 'unavailable', message: 'setUpSteward threw' }))
      .then((result) => {
        const outcome = result.ok ? 'ok' : result.code === 'forbidden' ? 'refused' : 'failed';
        inFlight.current = false;
        playSound(outcome === 'ok' ? 'success' : 'failure');
        dispatch({ type: 'answer', outcome });
        if (result.ok) onSetUp(result.value);
      });
  };

  return (
    <section className="screen screen-steward-pin screen-steward-setup" data-testid="screen-steward-setup" data-step={state.step}>
      <header className="screen-heading">
        <h1>{t(text.title)}</h1>
        <p>{t(text.hint)}</p>
      </header>
      <div className="code-entry-body">
        <Keypad
          // A fresh row of boxes for each step.
          key={state.step}
          digits={state.digits}
          length={setupLength(state.step)}
          disabled={state.sending}
          canSubmit={setupCanSubmit(state)}
          onKey={(key) => dispatch({ type: 'key', key })}
          onSubmit={submit}
          masked={state.step !== 'code'}
          submitTestId="steward-setup-submit"
          digitsLabel={t(state.step === 'code' ? 'steward.setup.codeDigits' : 'steward.pinDigits')}
          submitLabel={t(text.submit)}
        />
        <div className="code-entry-side">
          {state.problem && (
            <p className="code-problem" data-testid={`steward-setup-${state.problem}`} role="alert">
              <Icon name="alert" className="inline-icon" /> {t(PROBLEM_TEXT[state.problem])}
            </p>
          )}
          {state.sending && (
            <p className="steward-sheet-status" role="status">
              {t('steward.sending')}
            </p>
          )}
        </div>
      </div>
      <div className="screen-actions">{exit}</div>
    </section>
  );
}
