/**
 * One locker on the steward grid: its number, state and cable, with the door, phone and
 * overdue flags a steward walks over for.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CableType, LockerView } from '../../../common/lockers';
import { playSound } from '../../app/sounds';

const CABLE_KEYS = {
  'usb-c': 'locker.cableUsbC',
  lightning: 'locker.cableLightning',
  'micro-usb': 'locker.cableMicroUsb',
} as const satisfies Record<CableType, string>;

export function StewardLockerTile({ locker, selected, onSelect, nowMs }: {
  readonly locker: LockerView;
  readonly selected: boolean;
  readonly onSelect: (lockerNumber: number) => void;
  /** When the grid was drawn, epoch ms: durations are counted to it. */
  readonly nowMs: number;
}): ReactElement {
  const { t } = useTranslation();
  const duration = (sinceMs: number): string => {
    const minutes = Math.max(0, Math.floor((nowMs - sinceMs) / 60_000));
    return minutes < 60
      ? t('steward.minutes', { count: minutes })
      : t('steward.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
  const openSince = locker.doorClosed === false ? (locker.session?.doorOpenSinceMs ?? null) : null;
  const chargingSince = locker.state === 'charging' ? (locker.session?.startedAtMs ?? null) : null;
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
      {locker.doorClosed === false && (
        <span className="steward-tile-flag is-warning" data-testid={`steward-door-open-${n}`}>
          {openSince === null ? t('steward.doorOpen') : t('steward.openFor', { duration: duration(openSince) })}
        </span>
      )}
      {chargingSince !== null && (
        <span className="steward-tile-flag" data-testid={`steward-charging-for-${n}`}>
          {t('steward.chargingFor', { duration: duration(chargingSince) })}
        </span>
      )}
      {locker.itemPresent === true && <span className="steward-tile-flag">{t('steward.phoneIn')}</span>}
      {session?.overdue && (
        <span className="steward-tile-flag is-alert" data-testid={`steward-overdue-${n}`}>
          {t('steward.overdue')}
        </span>
      )}
    </button>
  );
}
