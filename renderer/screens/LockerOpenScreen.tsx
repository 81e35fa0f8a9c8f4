/** The door is open: the number huge, what to do, and which faulty lockers were passed over. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedLocker } from '../app/locker-flow';
import { DoneButton } from '../components/DoneButton';
import { LockerNumberLine } from '../components/LockerNumber';
import { SkippedLockers } from '../components/SkippedLockers';

export function LockerOpenScreen({ opened, onDone }: { readonly opened: OpenedLocker; readonly onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen screen-message screen-locker-door" data-testid="screen-locker-open">
      <LockerNumberLine i18nKey="locker.openTitle" number={opened.lockerNumber} />
      <SkippedLockers skipped={opened.skippedFaulty} number={opened.lockerNumber} />
      <p className="locker-instruction">{t('locker.putPhoneIn')}</p>
      <div className="screen-actions">
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
