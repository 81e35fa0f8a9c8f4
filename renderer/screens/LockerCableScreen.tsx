/**
 * Which cable does the phone use? Three big choices with a drawing of each plug and how many
 * lockers with it are free; a cable with none free cannot be chosen. Choosing claims a locker.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CABLE_TYPES, type CableType } from '../../common/lockers';
import { freeCount, nextDueAt, type LockerOffer } from '../app/locker-flow';
import { playSound } from '../app/sounds';
import { BackButton } from '../components/BackButton';
import { Icon } from '../components/icons';
import { formatClock } from '../i18n/clock-time';
import { toLocale } from '../i18n/i18n';

const CABLE_TEXT = {
  'usb-c': { title: 'locker.cableUsbC', hint: 'locker.cableUsbCHint' },
  lightning: { title: 'locker.cableLightning', hint: 'locker.cableLightningHint' },
  'micro-usb': { title: 'locker.cableMicroUsb', hint: 'locker.cableMicroUsbHint' },
} as const satisfies Record<CableType, { title: string; hint: string }>;

export interface LockerCableScreenProps {
  readonly lockers: LockerOffer;
  /** The cable just refused because none was free. */
  readonly noneFree: CableType | null;
  /** Claims a locker with this cable; the screen changes with the answer. */
  readonly onPick: (cable: CableType) => Promise<void>;
  readonly onBack: () => void;
}

export function LockerCableScreen({ lockers, noneFree, onPick, onBack }: LockerCableScreenProps): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  // One claim at a time: a gloved double tap must not open two doors.
  const [busy, setBusy] = useState(false);
  const pick = (cable: CableType): void => {
    if (busy) return;
    playSound('tap');
    setBusy(true);
    void onPick(cable).finally(() => setBusy(false));
  };
  return (
    <section className="screen screen-locker-cable" data-testid="screen-locker-cable">
      <header className="screen-heading">
        <h1>{t('locker.cableTitle')}</h1>
        <p>{t('locker.cableHint')}</p>
      </header>
      {noneFree && <NoneFree cable={noneFree} lockers={lockers} />}
      <div className="cable-grid">
        {CABLE_TYPES.map((cable) => {
          const free = freeCount(lockers, cable);
          const dueAt = free === 0 ? nextDueAt(lockers, cable) : null;
          // After a "none free", the cables that do have a locker are the way on.
          const suggested = noneFree !== null && cable !== noneFree && free !== null && free > 0;
          return (
            <button
              key={cable}
              type="button"
              className={suggested ? 'big-button cable-button is-suggested' : 'big-button cable-button'}
              data-testid={`cable-${cable}`}
              data-free={free ?? undefined}
              disabled={busy || free === 0}
              onClick={() => pick(cable)}
            >
              <Icon name={cable} className="cable-icon" />
              <span className="cable-title">{t(CABLE_TEXT[cable].title)}</span>
              <span className="cable-hint">{t(CABLE_TEXT[cable].hint)}</span>
              {free !== null && (
                <span className={free === 0 ? 'cable-free is-none' : 'cable-free'}>{t('locker.freeCount', { count: free })}</span>
              )}
              {dueAt !== null && (
                <span className="cable-due" data-testid={`cable-due-${cable}`}>
                  {t('locker.freeBy', { time: formatClock(dueAt, locale) })}
                </span>
              )}
            </button>
          );
        })}
      </div>
      {busy && (
        <p className="locker-busy" role="status">
          {t('locker.opening')}
        </p>
      )}
      <div className="screen-actions">
        <BackButton onBack={onBack} />
      </div>
    </section>
  );
}

/**
 * Why the chosen cable gave no locker, and the way on: the cables that do have one free, and
 * when a locker with this cable is due to be collected (the earliest charging session's end).
 */
function NoneFree({ cable, lockers }: { readonly cable: CableType; readonly lockers: LockerOffer }): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  const others = CABLE_TYPES.filter((c) => c !== cable && (freeCount(lockers, c) ?? 0) > 0);
  const dueAt = nextDueAt(lockers, cable);
  return (
    <div className="action-error none-free" data-testid="locker-none-free" data-cable={cable} role="alert">
      <p className="none-free-title">{t('locker.noneFreeCable', { cable: t(CABLE_TEXT[cable].title) })}</p>
      {others.length > 0 && (
        <p data-testid="locker-other-cables">
          {t('locker.otherCablesFree', { cables: others.map((c) => t(CABLE_TEXT[c].title)).join(t('locker.listSeparator')) })}
        </p>
      )}
      {dueAt !== null && <p data-testid="locker-expected-free">{t('locker.expectedFree', { cable: t(CABLE_TEXT[cable].title), time: formatClock(dueAt, locale) })}</p>}
      {others.length === 0 && dueAt === null && <p>{t('locker.tryLater')}</p>}
    </div>
  );
}
