/**
 * The locker part of the welcome screens: the locker this card holds with "Open my locker",
 * or "Charge my phone" (disabled with a plain reason when the lockers cannot take a phone).
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldLocker } from '../../common/lockers';
import type { ChargeOffer } from '../app/locker-flow';
import { playSound } from '../app/sounds';
import { HeldLockerInfo } from './HeldLockerInfo';
import { Icon } from './icons';
import { OpenMyLockerButton } from './OpenMyLockerButton';

export interface ChargePanelProps {
  readonly offer: ChargeOffer;
  /** The locker the card holds; shown instead of the charge button. */
  readonly held: HeldLocker | null;
  /** Opens the held locker; absent when the screen has no card pass for it. */
  readonly onOpenMine: (() => Promise<boolean>) | null;
  readonly onCharge: () => void;
}

export function ChargePanel({ offer, held, onOpenMine, onCharge }: ChargePanelProps): ReactElement | null {
  const { t } = useTranslation();
  if (held) {
    return (
      <div className="charge-panel is-held" data-testid="held-locker">
        <HeldLockerInfo locker={held} />
        {onOpenMine && <OpenMyLockerButton onOpen={onOpenMine} />}
      </div>
    );
  }
  if (offer === 'hidden') return null;
  const reason = offer === 'full' ? t('locker.full') : offer === 'offline' ? t('locker.offline') : null;
  return (
    <div className="charge-panel">
      <button
        type="button"
        className="big-button charge-button is-primary"
        data-testid="charge-button"
        disabled={offer !== 'ready'}
        aria-busy={offer === 'checking'}
        onClick={() => {
          playSound('tap');
          onCharge();
        }}
      >
        <Icon name="charging" />
        <span className="button-text">
          <span className="button-title">{t('locker.charge')}</span>
          <span className="button-hint">{offer === 'checking' ? t('locker.checking') : t('locker.chargeHint')}</span>
        </span>
      </button>
      {reason && (
        <p className="charge-reason" data-testid="locker-unavailable" data-reason={offer} role="status">
          <Icon name="alert" className="inline-icon" /> {reason}
        </p>
      )}
    </div>
  );
}
