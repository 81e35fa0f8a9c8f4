/**
 * The console's device section: each card reader and lock bus with its state, when it was
 * last seen working, and its error and reopen counts, kept across restarts and said with the
 * date they run from; then the upstream sync and what the station pulls down.
 * Refreshed every few seconds while open.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/contract';
import { formatClock } from '../../i18n/clock-time';
import { toLocale } from '../../i18n/i18n';
import { ConsoleTable } from '../components/ConsoleTable';
import type { ConsoleSectionProps } from '../console-sections';
import { UpstreamPulls } from './UpstreamPulls';

const REFRESH_MS = 5000;

/** Since when the counts run (kept across restarts, so always with its date). */
export function CountedSince({ sinceMs }: { readonly sinceMs: number }): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  const time = `${new Date(sinceMs).toLocaleDateString(locale)} ${formatClock(sinceMs, locale)}`;
  return (
    <p className="console-counted-since" data-testid="devices-counted-since">
      {t('console.devices.countedSince', { time })}
    </p>
  );
}

export function DevicesSection({ session, client, checked }: ConsoleSectionProps): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  const [value, setValue] = useState<MethodOutput<'getConsoleDevices'> | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    const result = checked(await client.getConsoleDevices({ session }));
    setFailed(!result.ok);
    if (result.ok) setValue(result.value);
  }, [client, session, checked]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const clock = (ms: number | null) => (ms === null ? t('console.devices.never') : formatClock(ms, locale));
  return (
    <div className="console-devices" data-testid="console-devices">
      {failed && <p className="code-problem" role="status">{t('console.devices.failed')}</p>}
      {value && (
        <>
          <CountedSince sinceMs={value.countedSinceMs} />
          <ConsoleTable
            rows={value.devices}
            rowKey={(d) => d.id}
            rowAttributes={(d) => ({ 'data-testid': `device-${d.id}`, 'data-state': d.state })}
            columns={[
              {
                header: t('console.devices.name'),
                cell: (d) => (
                  <>
                    {d.name}
                    {d.detail !== '' && <small className="device-detail">{d.detail}</small>}
                  </>
                ),
              },
              { header: t('console.devices.state'), cell: (d) => t(`console.devices.is.${d.state}`) },
              { header: t('console.devices.lastSeen'), cell: (d) => clock(d.lastSeenAtMs) },
              { header: t('console.devices.errors'), cell: (d) => d.errors, testId: (d) => `device-errors-${d.id}` },
              { header: t('console.devices.reopens'), cell: (d) => d.reopens, testId: (d) => `device-reopens-${d.id}` },
            ]}
          />
          <p className="console-sync" data-testid="console-sync" data-state={value.sync.state}>
            {t(`console.devices.sync.${value.sync.state}`, { count: value.sync.queueLength })}
            {value.sync.lastSuccessAtMs !== null && ` · ${t('console.devices.lastSent', { time: clock(value.sync.lastSuccessAtMs) })}`}
          </p>
          <UpstreamPulls pulls={value.sync.pulls} nowMs={Date.now()} />
        </>
      )}
    </div>
  );
}
