/** "Open my locker" for a member whose card was just tapped; one request per press. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { actionPending, useAction } from '../app/use-action';
import { ActionError } from './ActionError';
import { Icon } from './icons';

export function OpenMyLockerButton({ onOpen }: { readonly onOpen: () => Promise<boolean> }): ReactElement {
  const { t } = useTranslation();
  const [open, state] = useAction(onOpen);
  return (
    <>
      <button
        type="button"
        className="big-button open-mine-button is-primary"
        data-testid="open-my-locker"
        disabled={actionPending(state)}
        onClick={open}
      >
        <Icon name="locker" />
        <span>{t('locker.openMine')}</span>
      </button>
      <ActionError state={state} />
    </>
  );
}
