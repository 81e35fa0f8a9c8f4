/** Tap-out: the visit is closed; say goodbye and how long they rested. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DoneButton } from '../components/DoneButton';
import { Icon } from '../components/icons';

export function GoodbyeScreen({ dwellMinutes, onDone }: { readonly dwellMinutes: number; readonly onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen screen-message screen-goodbye" data-testid="screen-goodbye">
      <Icon name="wave" className="message-icon" />
      <h1 className="message-title">{t('goodbye.title')}</h1>
      <p className="message-body" data-testid="dwell-minutes" data-minutes={dwellMinutes}>
        {t('goodbye.stayed', { count: dwellMinutes })}
      </p>
      <div className="screen-actions">
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
