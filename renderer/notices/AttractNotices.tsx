/** Notices, events and services showing now on the attract screen, in the screen's language. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../common/notices';
import { localized, toLocale } from '../i18n/i18n';
import { Icon } from '../components/icons';
import { useNoticesShowing } from './use-current-notices';

const ICONS = { notice: 'bell', event: 'clock', service: 'rest' } as const;

/** `HH:MM–HH:MM` of a window; null for all day. */
export function windowText(n: Pick<Notice, 'startMinute' | 'endMinute'>): string | null {
  if (n.startMinute === 0 && n.endMinute === 1440) return null;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(n.startMinute)}–${hhmm(n.endMinute)}`;
}

export function AttractNotices(): ReactElement | null {
  const notices = useNoticesShowing();
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  if (notices.length === 0) return null;
  return (
    <section className="attract-notices" aria-label={t('notices.title')} data-testid="attract-notices">
      <ul className="offer-list">
        {notices.map((n) => {
          const hours = windowText(n);
          const body = localized(n.body, locale);
          return (
            <li key={n.id} className={`offer notice-${n.kind}`} data-testid={`attract-notice-${n.id}`}>
              <Icon name={ICONS[n.kind]} className="offer-icon" />
              <span className="offer-title">{localized(n.title, locale)}</span>
              <span className="offer-hours">{hours ?? (body || t('common.allDay'))}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
