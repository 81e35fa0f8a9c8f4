/**
 * One locker on the steward grid: its number, state and cable, with the door, phone and
 * overdue flags a steward walks over for.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CableType, LockerView } from '../../common/lockers';
import { playSound } from '../app/sounds';

const CABLE_KEYS = {
  'usb-c': 'locker.cableUsbC',
  lightning: 'locker.cableLightning',
  'micro-usb': 'locker.cableMicroUsb',
} as const satisfies Record<CableType, string>;

export function StewardLockerTile({ locker, selected, onSelect }: {
  readonly locker: LockerView;
  readonly selected: boolean;
  readonly onSelect: (lockerNumber: number) => void;
}): ReactElement {
  const { t } = useTranslation();
  const { lockerNumber: n, session } = locker;
  const classes = ['steward-tile', `is-${locker.state}`];
  if (session?.overdue) classes.push('is-overdue');
  if (selected) classes.push('is-selected');
  return (
    <button
      type="button"
      className={classes.join(' ')}
      data-testid={`steward-locker-${n}`}
      data-state={locker.state}
      aria-pressed={selected}
      onClick={() => {
        playSound('tap');
        onSelect(n);
      }}
    >
      <span className="steward-tile-number">{n}</span>
      <span className="steward-tile-state">{t(`steward.state.${locker.state}`)}</span>
      <span className="steward-tile-cable">{t(CABLE_KEYS[locker.cable])}</span>
      {session && <span className="steward-tile-flag">{t(session.holder === 'member' ? 'steward.member' : 'steward.guest')}</span>}
      {locker.doorClosed === false && <span className="steward-tile-flag is-warning">{t('steward.doorOpen')}</span>}
      {locker.itemPresent === true && <span className="steward-tile-flag">{t('steward.phoneIn')}</span>}
      {session?.overdue && (
        <span className="steward-tile-flag is-alert" data-testid={`steward-overdue-${n}`}>
          {t('steward.overdue')}
        </span>
      )}
    </button>
  );
}
