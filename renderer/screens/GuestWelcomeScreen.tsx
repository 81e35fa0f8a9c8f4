/** A guest came in: welcome them, show today's offers, and offer the way to a member card. */
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationInfo } from '../../common/domain';
import { DoneButton } from '../components/DoneButton';
import { Icon } from '../components/icons';
import { OfferList } from '../components/OfferList';
import { playSound } from '../app/sounds';

export interface GuestWelcomeScreenProps {
  readonly info: StationInfo;
  readonly onJoin: () => void;
  readonly onDone: () => void;
  /** "Charge my phone" for guests (they get a pickup code). */
  readonly lockerPanel?: ReactNode;
  /** Beside Done: the wish wall's button (a row of its own would push the offers off a landscape screen). */
  readonly wishWall?: ReactNode;
}

export function GuestWelcomeScreen({ info, onJoin, onDone, lockerPanel, wishWall }: GuestWelcomeScreenProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen screen-guest-welcome" data-testid="screen-guest-welcome">
      <div className="welcome-top">
        <div className="greeting">
          <Icon name="check" className="greeting-icon is-success" />
          <div>
            <h1 className="greeting-title">{t('guest.title')}</h1>
            <p className="greeting-note">{t('guest.body')}</p>
          </div>
        </div>
        {lockerPanel}
      </div>
      <OfferList offers={info.todayOffers} />
      <div className="screen-actions">
        <button
          type="button"
          className="big-button join-prompt"
          data-testid="join-button"
          onClick={() => {
            playSound('tap');
            onJoin();
          }}
        >
          <Icon name="union" />
          <span>{t('guest.joinPrompt')}</span>
        </button>
        {wishWall}
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
