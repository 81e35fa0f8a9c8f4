/** A tap that produced no card id: say so plainly and get out of the way by itself. */
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icons';

/** Long enough to read twice, short enough that the next tap is not blocked. */
export const CARD_ERROR_DISMISS_MS = 4000;

export function CardErrorScreen({ onDismiss }: { readonly onDismiss: () => void }): ReactElement {
  const { t } = useTranslation();
  const onDismissRef = useRef(onDismiss);
  useEffect(() => {
    onDismissRef.current = onDismiss;
  }, [onDismiss]);
  useEffect(() => {
    const timer = setTimeout(() => onDismissRef.current(), CARD_ERROR_DISMISS_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <section
      className="screen screen-message screen-card-error"
      data-testid="screen-card-error"
      role="alert"
      onPointerDown={() => onDismiss()}
    >
      <Icon name="alert" className="message-icon is-warning" />
      <h1 className="message-title">{t('cardError.title')}</h1>
      <p className="message-body">
        <Icon name="card" className="inline-icon" /> {t('cardError.body')}
      </p>
    </section>
  );
}
