/** The same card again within the duplicate window: reassure, it still counts as one visit. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DoneButton } from '../components/DoneButton';
import { Icon } from '../components/icons';

export function AlreadyHereScreen({ onDone }: { readonly onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen screen-message screen-already-here" data-testid="screen-already-here">
      <Icon name="check" className="message-icon is-success" />
      <h1 className="message-title">{t('alreadyHere.title')}</h1>
      <p className="message-body">{t('alreadyHere.body')}</p>
      <div className="screen-actions">
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
