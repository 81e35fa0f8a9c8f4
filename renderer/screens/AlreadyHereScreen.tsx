/** The same card again within the duplicate window: reassure, it still counts as one visit. */
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DoneButton } from '../components/DoneButton';
import { Icon } from '../components/icons';

export interface AlreadyHereScreenProps {
  readonly onDone: () => void;
  /** "Charge my phone" or the locker this card holds: a second tap is how members collect. */
  readonly lockerPanel?: ReactNode;
  /** Beside Done: the wish wall's button (a row of its own would push the offers off a landscape screen). */
  readonly wishWall?: ReactNode;
}

export function AlreadyHereScreen({ onDone, lockerPanel, wishWall }: AlreadyHereScreenProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen screen-message screen-already-here" data-testid="screen-already-here">
      <Icon name="check" className="message-icon is-success" />
      <h1 className="message-title">{t('alreadyHere.title')}</h1>
      <p className="message-body">{t('alreadyHere.body')}</p>
      {lockerPanel}
      <div className="screen-actions">
        {wishWall}
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
