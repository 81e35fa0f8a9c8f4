/** The door was shut after collecting: the session is over. Thanks, then back to the start. */
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { playSound } from '../app/sounds';
import { DoneButton } from '../components/DoneButton';
import { Icon } from '../components/icons';

/** Long enough to read; the worker is already walking away. */
export const LOCKER_ENDED_DISMISS_MS = 8000;

export function LockerEndedScreen({ lockerNumber, onDone }: { readonly lockerNumber: number; readonly onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  }, [onDone]);
  useEffect(() => {
    playSound('success');
    const timer = setTimeout(() => onDoneRef.current(), LOCKER_ENDED_DISMISS_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <section className="screen screen-message screen-locker-ended" data-testid="screen-locker-ended">
      <Icon name="check" className="message-icon is-success" />
      <h1 className="message-title">{t('locker.endedTitle')}</h1>
      <p className="message-body">{t('locker.endedBody', { number: lockerNumber })}</p>
      <div className="screen-actions">
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
