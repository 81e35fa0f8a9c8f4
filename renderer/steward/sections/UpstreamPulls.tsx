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
import { ConsoleTable } from '../components/ConsoleTable';

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
  /** A time with its date when not today, and how long ago or until. */
  const when = (ms: number) => {
    const sameDay = new Date(ms).toDateString() === new Date(nowMs).toDateString();
    const clock = sameDay ? formatClock(ms, locale) : `${new Date(ms).toLocaleDateString(locale)} ${formatClock(ms, locale)}`;
    return t('console.devices.pulls.when', { clock, relative: relativeTime(ms, nowMs, locale) });
  };
  return (
    <ConsoleTable
      className="console-pulls"
      testId="console-pulls"
      caption={t('console.devices.pulls.title')}
      rows={pulls}
      rowKey={(p) => p.kind}
      rowAttributes={(p) => ({ 'data-testid': `pull-${p.kind}` })}
      empty={null}
      columns={[
        { header: t('console.devices.pulls.what'), rowHeader: true, cell: (p) => t(`console.devices.pulls.kind.${p.kind}`) },
        {
          header: t('console.devices.pulls.inForce'),
          testId: (p) => `pull-in-force-${p.kind}`,
          cell: (p) => (p.etag === null || p.lastChangeAtMs === null ? t('console.devices.pulls.noneYet') : t('console.devices.pulls.since', { when: when(p.lastChangeAtMs) })),
        },
        {
          header: t('console.devices.pulls.lastPull'),
          testId: (p) => `pull-last-${p.kind}`,
          cell: (p) => (p.lastPullAtMs === null ? t('console.devices.pulls.never') : when(p.lastPullAtMs)),
        },
        {
          header: t('console.devices.pulls.problem'),
          testId: (p) => `pull-problem-${p.kind}`,
          cell: (p) => (p.lastError === null ? t('console.devices.pulls.noProblem') : t('console.devices.pulls.failed', { when: when(p.lastError.atMs), message: p.lastError.message })),
        },
        {
          header: t('console.devices.pulls.nextPull'),
          testId: (p) => `pull-next-${p.kind}`,
          cell: (p) => (p.nextPullAtMs === null ? t('console.devices.pulls.notPulled') : when(p.nextPullAtMs)),
        },
      ]}
    />
  );
}
