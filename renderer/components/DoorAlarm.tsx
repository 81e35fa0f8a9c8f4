/**
 * "Please shut the door of locker N": a banner that cannot be missed, on every screen (the
 * attract screen too), with a two-tone alarm repeated while it shows. It stays until every
 * listed door is shut, whatever is pressed. A door left open is a phone anyone can take.
 */
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { playSound } from '../app/sounds';
import { Icon } from './icons';

/** Gap between alarm bursts: insistent without drowning out speech at the counter. */
export const DOOR_ALARM_REPEAT_MS = 2500;

export function DoorAlarm({ lockerNumbers }: { readonly lockerNumbers: readonly number[] }): ReactElement {
  const { t } = useTranslation();
  useEffect(() => {
    playSound('alarm');
    const timer = setInterval(() => playSound('alarm'), DOOR_ALARM_REPEAT_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="door-alarm" data-testid="door-alarm" data-lockers={lockerNumbers.join(' ')} role="alert">
      <Icon name="bell" className="door-alarm-icon" />
      <span>{t('locker.doorAlarm', { number: lockerNumbers.join(t('locker.listSeparator')) })}</span>
    </div>
  );
}
