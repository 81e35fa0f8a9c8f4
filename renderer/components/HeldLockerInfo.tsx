/** "Your phone is in locker N (since HH:MM, collect by HH:MM)". */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldLocker } from '../../common/lockers';
import { formatClock } from '../i18n/clock-time';
import { toLocale } from '../i18n/i18n';
import { Icon } from './icons';
import { MarkedText } from './MarkedText';

export function HeldLockerInfo({ locker }: { readonly locker: HeldLocker }): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  const until = formatClock(locker.dueAtMs, locale);
  return (
    <div className="held-locker">
      <Icon name="locker" className="held-icon" />
      <div>
        <p className="held-title">
          <MarkedText
            text={t('locker.heldTitle', { number: locker.lockerNumber })}
            mark={<strong className="locker-inline-number" data-testid="held-locker-number" />}
          />
        </p>
        <p className="held-times" data-testid="held-times" data-started={locker.startedAtMs === null ? 'no' : 'yes'}>
          {locker.startedAtMs === null
            ? t('locker.heldUntil', { until })
            : t('locker.heldSince', { since: formatClock(locker.startedAtMs, locale), until })}
        </p>
      </div>
    </div>
  );
}
