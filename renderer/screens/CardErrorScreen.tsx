/**
 * A tap that gave no visit: no card id, or (`not-saved`) a card whose visit could not be
 * saved. Either way: say so plainly, ask for another tap, and get out of the way by itself.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardErrorReason } from '../../common/domain';
import { Icon } from '../components/icons';

/** Long enough to read twice, short enough that the next tap is not blocked. */
export const CARD_ERROR_DISMISS_MS = 4000;

export function CardErrorScreen({ reason, onDismiss }: { readonly reason?: CardErrorReason; readonly onDismiss: () => void }): ReactElement {
  const { t } = useTranslation();
  const notSaved = reason === 'not-saved';
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
      <h1 className="message-title">{notSaved ? t('cardError.notSavedTitle') : t('cardError.title')}</h1>
      <p className="message-body">
        <Icon name="card" className="inline-icon" /> {notSaved ? t('cardError.notSavedBody') : t('cardError.body')}
      </p>
    </section>
  );
}
