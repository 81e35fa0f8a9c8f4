/**
 * A member's card was read: greeting, visit count, the charging locker, today's offers, and on
 * a first visit the category.
 */
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationInfo, WorkerCategory } from '../../common/domain';
import type { Screen } from '../app/kiosk-state';
import { CategoryPicker } from '../components/CategoryPicker';
import { DoneButton } from '../components/DoneButton';
import { Icon } from '../components/icons';
import { MarkedText } from '../components/MarkedText';
import { OfferList } from '../components/OfferList';

export interface WelcomeScreenProps {
  readonly screen: Extract<Screen, { name: 'welcome' }>;
  readonly info: StationInfo;
  readonly onPickCategory: (category: WorkerCategory | null) => Promise<void>;
  readonly onDone: () => void;
  /** "Charge my phone" or the locker this card holds (see `ChargePanel`). */
  readonly lockerPanel?: ReactNode;
  /** Beside Done: the wish wall's button (a row of its own would push the offers off a landscape screen). */
  readonly wishWall?: ReactNode;
}

export function WelcomeScreen({ screen, info, onPickCategory, onDone, lockerPanel, wishWall }: WelcomeScreenProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen screen-welcome" data-testid="screen-welcome">
      <div className="welcome-top">
        <div className="greeting">
          <Icon name="check" className="greeting-icon is-success" />
          <div>
            <h1 className="greeting-title">{t('welcome.title')}</h1>
            {screen.visitNumber === 1 && <p className="greeting-note">{t('welcome.firstVisit')}</p>}
            <p className="visit-line">
              <MarkedText
                text={t('welcome.visit', { count: screen.visitNumber, ordinal: true })}
                mark={<strong className="visit-number" data-testid="visit-number" />}
              />
            </p>
          </div>
        </div>
        {lockerPanel}
      </div>
      {screen.category === 'ask' ? (
        <CategoryPicker onPick={onPickCategory} />
      ) : (
        <>
          {screen.category === 'thanked' && <p className="category-thanks">{t('category.thanks')}</p>}
          <OfferList offers={info.todayOffers} />
        </>
      )}
      {/* While the category is asked, Skip is the way on: one question, no other choice beside it. */}
      {screen.category !== 'ask' && (
        <div className="screen-actions">
          {wishWall}
          <DoneButton onDone={onDone} />
        </div>
      )}
    </section>
  );
}
