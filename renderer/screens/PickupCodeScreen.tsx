/**
 * A guest's pickup code in very large type with the locker number. It cannot be lost: it
 * stays while the door is open (no idle timeout, the next worker's tap does not wipe it, nor
 * does a service reconnect) until the guest presses "I have it"; once the door is shut, a
 * personal countdown takes it away so the next person cannot read it. Where the station has
 * a slip printer that is working, the guest can print the code on a slip instead of writing
 * it down (twice at most, and only while the door is open for the phone).
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintPickupSlipOutcome } from '../../common/printing';
import type { OpenedLocker } from '../app/locker-flow';
import { playSound } from '../app/sounds';
import { Icon } from '../components/icons';
import { LockerNumberLine } from '../components/LockerNumber';
import { SkippedLockers } from '../components/SkippedLockers';

/** What printing came to: an outcome from the service, or `failed` when no answer came. */
export type SlipPrintAnswer = PrintPickupSlipOutcome['kind'] | 'failed';

export interface PickupCodeScreenProps {
  readonly opened: OpenedLocker;
  readonly pickupCode: string;
  readonly onNoted: () => void;
  /** Whether the slip printer can print now; null when the station has none (no button then). */
  readonly printerReady: boolean | null;
  readonly onPrint: () => Promise<SlipPrintAnswer>;
}

type PrintState = 'idle' | 'printing' | SlipPrintAnswer;

const MESSAGE = {
  printed: 'locker.printed',
  'paper-out': 'locker.printPaperOut',
  'printer-offline': 'locker.printOffline',
  'not-open': 'locker.printNotOpen',
  limit: 'locker.printLimit',
  'no-printer': 'locker.printOffline',
  failed: 'locker.printFailed',
} as const satisfies Record<SlipPrintAnswer, string>;

export function PickupCodeScreen({ opened, pickupCode, onNoted, printerReady, onPrint }: PickupCodeScreenProps): ReactElement {
  const { t } = useTranslation();
  const [print, setPrint] = useState<PrintState>('idle');
  const canPrint = printerReady === true && (print === 'idle' || print === 'printed' || print === 'failed');
  return (
    <section className="screen screen-pickup-code" data-testid="screen-pickup-code">
      <div className="pickup-code-card">
        <h1 className="pickup-code-title">{t('locker.codeTitle')}</h1>
        {/* Digits spaced apart and read one by one, so 0/8 and 1/7 are not confused. */}
        <p className="pickup-code" data-testid="pickup-code" aria-label={[...pickupCode].join(' ')}>
          {pickupCode}
        </p>
        <p className="pickup-code-note">
          <Icon name="phone" className="inline-icon" /> {t(printerReady === null ? 'locker.codeWriteDown' : 'locker.codeWriteDownOrPrint')}
        </p>
      </div>
      <LockerNumberLine i18nKey="locker.codeLocker" number={opened.lockerNumber} className="locker-subtitle" />
      <SkippedLockers skipped={opened.skippedFaulty} number={opened.lockerNumber} />
      {print !== 'idle' && print !== 'printing' && (
        <p className={`pickup-print-status${print === 'printed' ? '' : ' is-problem'}`} data-testid="pickup-print-status" role="status">
          {t(MESSAGE[print])}
        </p>
      )}
      <div className="screen-actions">
        {printerReady !== null && (
          <button
            type="button"
            className="big-button pickup-code-print"
            data-testid="pickup-code-print"
            disabled={!canPrint}
            onClick={() => {
              playSound('tap');
              setPrint('printing');
              void onPrint().then(setPrint);
            }}
          >
            <Icon name="printer" />
            <span>{t(print === 'printing' ? 'locker.printing' : print === 'printed' ? 'locker.printAgain' : 'locker.printSlip')}</span>
          </button>
        )}
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
