/**
 * What the station pulls down from the union's collector, per kind, in plain words: how old
 * the version in force is, when it last checked, what went wrong last, when it checks next.
 * The ETag itself is never shown (it means nothing to a steward); only whether there is a
 * version in force.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../common/domain';
import type { PullStatus } from '../../../common/upstream-sync-status';
import { formatClock } from '../../i18n/clock-time';
import { toLocale } from '../../i18n/i18n';

/** `thenMs` relative to `nowMs` in words ("3 hours ago", "in 5 minutes"), in the largest whole unit. */
export function relativeTime(thenMs: number, nowMs: number, locale: Locale): string {
  const seconds = Math.round((thenMs - nowMs) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.trunc(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.trunc(seconds / 3600), 'hour');
  return format.format(Math.trunc(seconds / 86_400), 'day');
}

export function UpstreamPulls({ pulls, nowMs }: { readonly pulls: readonly PullStatus[]; readonly nowMs: number }): ReactElement | null {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  if (pulls.length === 0) return null;
  /** A time with its date when not today, and how long ago or until. */
  const when = (ms: number) => {
    const sameDay = new Date(ms).toDateString() === new Date(nowMs).toDateString();
    const clock = sameDay ? formatClock(ms, locale) : `${new Date(ms).toLocaleDateString(locale)} ${formatClock(ms, locale)}`;
    return t('console.devices.pulls.when', { clock, relative: relativeTime(ms, nowMs, locale) });
  };
  return (
    <table className="console-table console-pulls" data-testid="console-pulls">
      <caption>{t('console.devices.pulls.title')}</caption>
      <thead>
        <tr>
          <th>{t('console.devices.pulls.what')}</th>
          <th>{t('console.devices.pulls.inForce')}</th>
          <th>{t('console.devices.pulls.lastPull')}</th>
          <th>{t('console.devices.pulls.problem')}</th>
          <th>{t('console.devices.pulls.nextPull')}</th>
        </tr>
      </thead>
      <tbody>
        {pulls.map((p) => (
          <tr key={p.kind} data-testid={`pull-${p.kind}`}>
            <th scope="row">{t(`console.devices.pulls.kind.${p.kind}`)}</th>
            <td data-testid={`pull-in-force-${p.kind}`}>
              {p.etag === null || p.lastChangeAtMs === null ? t('console.devices.pulls.noneYet') : t('console.devices.pulls.since', { when: when(p.lastChangeAtMs) })}
            </td>
            <td data-testid={`pull-last-${p.kind}`}>{p.lastPullAtMs === null ? t('console.devices.pulls.never') : when(p.lastPullAtMs)}</td>
            <td data-testid={`pull-problem-${p.kind}`}>
              {p.lastError === null ? t('console.devices.pulls.noProblem') : t('console.devices.pulls.failed', { when: when(p.lastError.atMs), message: p.lastError.message })}
            </td>
            <td data-testid={`pull-next-${p.kind}`}>{p.nextPullAtMs === null ? t('console.devices.pulls.notPulled') : when(p.nextPullAtMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
