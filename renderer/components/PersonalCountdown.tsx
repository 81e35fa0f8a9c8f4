/**
 * "This screen clears in 12 s": the worker sees that their screen (and the locker buttons on
 * it) will not wait for them, and the next person sees it will not stay up.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

export function PersonalCountdown({ seconds }: { readonly seconds: number }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="personal-countdown" data-testid="personal-countdown" data-seconds={seconds} role="timer" aria-live="off">
      <Icon name="clock" className="inline-icon" /> {t('app.clearsIn', { count: seconds })}
    </div>
  );
}
