/** No card: come in as a guest, or see how to join the union. Two big choices. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { actionPending, useAction } from '../app/use-action';
import { ActionError } from '../components/ActionError';
import { BackButton } from '../components/BackButton';
import { Icon } from '../components/icons';
import { playSound } from '../app/sounds';

export interface NoCardScreenProps {
  /** Resolves true when the guest visit was logged (the screen then changes). */
  readonly onGuest: () => Promise<boolean>;
  readonly onJoin: () => void;
  readonly onBack: () => void;
}

export function NoCardScreen({ onGuest, onJoin, onBack }: NoCardScreenProps): ReactElement {
  const { t } = useTranslation();
  const [guest, guestState] = useAction(onGuest);
  return (
    <section className="screen screen-no-card" data-testid="screen-no-card">
      <header className="screen-heading">
        <h1>{t('noCard.title')}</h1>
        <p>{t('noCard.subtitle')}</p>
      </header>
      <div className="choice-grid">
        <button
          type="button"
          className="big-button choice-button is-primary"
          data-testid="guest-button"
          disabled={actionPending(guestState)}
          onClick={guest}
        >
          <Icon name="person" />
          <span className="button-text">
            <span className="button-title">{t('noCard.guest')}</span>
            <span className="button-hint">{t('noCard.guestHint')}</span>
          </span>
        </button>
        <button
          type="button"
          className="big-button choice-button"
          data-testid="join-button"
          onClick={() => {
            playSound('tap');
            onJoin();
          }}
        >
          <Icon name="union" />
          <span className="button-text">
            <span className="button-title">{t('noCard.join')}</span>
            <span className="button-hint">{t('noCard.joinHint')}</span>
          </span>
        </button>
      </div>
      <ActionError state={guestState} />
      <div className="screen-actions">
        <BackButton onBack={onBack} />
      </div>
    </section>
  );
}
