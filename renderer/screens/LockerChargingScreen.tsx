/** The door is shut with the phone inside: charging, collect by HH:MM, and how to collect. */
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { playSound } from '../app/sounds';
import { formatClock } from '../i18n/clock-time';
import { toLocale } from '../i18n/i18n';
import { DoneButton } from '../components/DoneButton';
import { Icon } from '../components/icons';
import { LockerNumberLine } from '../components/LockerNumber';

export interface LockerChargingScreenProps {
  readonly lockerNumber: number;
  readonly holder: 'member' | 'guest';
  readonly dueAtMs: number;
  readonly onDone: () => void;
}

export function LockerChargingScreen({ lockerNumber, holder, dueAtMs, onDone }: LockerChargingScreenProps): ReactElement {
  const { t, i18n } = useTranslation();
  // The door shut by itself being noticed is the moment to say "done".
  useEffect(() => playSound('success'), []);
  return (
    <section className="screen screen-message screen-locker-charging" data-testid="screen-locker-charging">
      <Icon name="charging" className="message-icon is-success" />
      <LockerNumberLine i18nKey="locker.chargingTitle" number={lockerNumber} />
      <p className="locker-due" data-testid="locker-due">
        {t('locker.collectBy', { time: formatClock(dueAtMs, toLocale(i18n.resolvedLanguage)) })}
      </p>
      <p className="message-body">{holder === 'member' ? t('locker.collectByCard') : t('locker.collectByCode')}</p>
      <div className="screen-actions">
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
