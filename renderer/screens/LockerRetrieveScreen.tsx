/** The locker opened for collecting: the number huge, "take your phone and shut the door". */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DoneButton } from '../components/DoneButton';
import { LockerNumberLine } from '../components/LockerNumber';

export function LockerRetrieveScreen({ lockerNumber, onDone }: { readonly lockerNumber: number; readonly onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen screen-message screen-locker-door" data-testid="screen-locker-retrieve">
      <LockerNumberLine i18nKey="locker.retrieveTitle" number={lockerNumber} />
      <p className="locker-instruction">{t('locker.takePhone')}</p>
      <div className="screen-actions">
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
