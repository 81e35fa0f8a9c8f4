/** Shown under a button whose call failed: calm words, what to do next. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionState } from '../app/use-action';

export function ActionError({ state }: { readonly state: ActionState }): ReactElement | null {
  const { t } = useTranslation();
  if (state !== 'failed') return null;
  return (
    <p className="action-error" role="alert">
      {t('app.actionFailed')}
    </p>
  );
}
