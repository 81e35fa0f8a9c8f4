/** How to join the union: QR code of the sign-up link, three numbered steps, "I'm interested". */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { actionPending, useAction } from '../app/use-action';
import { ActionError } from '../components/ActionError';
import { BackButton } from '../components/BackButton';
import { DoneButton } from '../components/DoneButton';
import { Icon } from '../components/icons';
import { QrCode } from '../components/QrCode';

export interface JoinScreenProps {
  readonly joinUrl: string;
  readonly interestSent: boolean;
  /** Resolves true once the interest was recorded. */
  readonly onInterest: () => Promise<boolean>;
  readonly onDone: () => void;
  /** To the screen "Join the union" was tapped on. */
  readonly onBack: () => void;
}

const STEPS = ['join.step1', 'join.step2', 'join.step3'] as const;

export function JoinScreen({ joinUrl, interestSent, onInterest, onDone, onBack }: JoinScreenProps): ReactElement {
  const { t } = useTranslation();
  const [interest, interestState] = useAction(onInterest);
  return (
    <section className="screen screen-join" data-testid="screen-join">
      <header className="screen-heading">
        <h1>{t('join.title')}</h1>
      </header>
      <div className="join-body">
        <div className="join-qr">
          <QrCode text={joinUrl} label={t('join.qrLabel')} />
        </div>
        <div className="join-side">
          <ol className="join-steps">
            {STEPS.map((key, i) => (
              <li key={key} className="join-step">
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span>{t(key)}</span>
              </li>
            ))}
          </ol>
          {interestSent ? (
            <p className="join-thanks" data-testid="interest-thanks" role="status">
              <Icon name="check" /> {t('join.thanks')}
            </p>
          ) : (
            <>
              <button
                type="button"
                className="big-button is-primary interest-button"
                data-testid="interest-button"
                disabled={actionPending(interestState)}
                onClick={interest}
              >
                <Icon name="union" />
                <span>{t('join.interest')}</span>
              </button>
              <ActionError state={interestState} />
            </>
          )}
        </div>
      </div>
      <div className="screen-actions">
        <BackButton onBack={onBack} />
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
