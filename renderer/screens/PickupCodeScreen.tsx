/**
 * A guest's pickup code in very large type with the locker number. It cannot be lost: it
 * stays while the door is open (no idle timeout, the next worker's tap does not wipe it, nor
 * does a service reconnect) until the guest presses "I have it"; once the door is shut, a
 * personal countdown takes it away so the next person cannot read it.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedLocker } from '../app/locker-flow';
import { playSound } from '../app/sounds';
import { Icon } from '../components/icons';
import { LockerNumberLine } from '../components/LockerNumber';
import { SkippedLockers } from '../components/SkippedLockers';

export interface PickupCodeScreenProps {
  readonly opened: OpenedLocker;
  readonly pickupCode: string;
  readonly onNoted: () => void;
}

export function PickupCodeScreen({ opened, pickupCode, onNoted }: PickupCodeScreenProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen screen-pickup-code" data-testid="screen-pickup-code">
      <div className="pickup-code-card">
        <h1 className="pickup-code-title">{t('locker.codeTitle')}</h1>
        {/* Digits spaced apart and read one by one, so 0/8 and 1/7 are not confused. */}
        <p className="pickup-code" data-testid="pickup-code" aria-label={[...pickupCode].join(' ')}>
          {pickupCode}
        </p>
        <p className="pickup-code-note">
          <Icon name="phone" className="inline-icon" /> {t('locker.codeWriteDown')}
        </p>
      </div>
      <LockerNumberLine i18nKey="locker.codeLocker" number={opened.lockerNumber} className="locker-subtitle" />
      <SkippedLockers skipped={opened.skippedFaulty} number={opened.lockerNumber} />
      <div className="screen-actions">
        <button
          type="button"
          className="big-button is-primary pickup-code-done"
          data-testid="pickup-code-done"
          onClick={() => {
            playSound('tap');
            onNoted();
          }}
        >
          <Icon name="check" />
          <span>{t('locker.codeDone')}</span>
        </button>
      </div>
    </section>
  );
}
