/** Shown under a button whose call is slow (one moment) or failed (calm words, what to do next). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionState } from '../app/use-action';

export function ActionError({ state }: { readonly state: ActionState }): ReactElement | null {
  const { t } = useTranslation();
  if (state === 'waiting') {
    return (
      <p className="action-waiting" role="status" data-testid="action-waiting">
        {t('app.actionWaiting')}
      </p>
    );
  }
  if (state !== 'failed') return null;
  return (
    <p className="action-error" role="alert" data-testid="action-error">
      {t('app.actionFailed')}
    </p>
  );
}
