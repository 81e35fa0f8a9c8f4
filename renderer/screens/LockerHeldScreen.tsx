/** A claim found the card already holds a locker: which one, and "Open my locker". */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldLocker } from '../../common/lockers';
import { DoneButton } from '../components/DoneButton';
import { HeldLockerInfo } from '../components/HeldLockerInfo';
import { OpenMyLockerButton } from '../components/OpenMyLockerButton';

export interface LockerHeldScreenProps {
  readonly locker: HeldLocker;
  /** Null for a guest, who collects with the pickup code instead. */
  readonly onOpenMine: (() => Promise<boolean>) | null;
  readonly onDone: () => void;
}

export function LockerHeldScreen({ locker, onOpenMine, onDone }: LockerHeldScreenProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen screen-message screen-locker-held" data-testid="screen-locker-held">
      <h1 className="message-title">{t('locker.alreadyTitle')}</h1>
      <div className="charge-panel is-held">
        <HeldLockerInfo locker={locker} />
        {onOpenMine ? <OpenMyLockerButton onOpen={onOpenMine} /> : <p className="message-body">{t('locker.heldNoOpen')}</p>}
      </div>
      <div className="screen-actions">
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
