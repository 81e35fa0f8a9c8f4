/**
 * The console's audit section: steward actions, newest first, 50 at a time ("older" pages
 * back). Read once when opened and again on "refresh"; the log is written by the service.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../common/steward';
import { formatClock } from '../../i18n/clock-time';
import { toLocale } from '../../i18n/i18n';
import type { ConsoleSectionProps } from '../console-sections';

const PAGE = 50;

export function AuditSection({ session, client, checked }: ConsoleSectionProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<readonly AuditRow[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [more, setMore] = useState(false);

  const load = useCallback(
    async (beforeId?: number) => {
      const result = checked(await client.listStewardAudit({ session, limit: PAGE, ...(beforeId === undefined ? {} : { beforeId }) }));
      setFailed(!result.ok);
      if (!result.ok) return;
      setMore(result.value.length === PAGE);
      setRows((old) => (beforeId === undefined || old === null ? result.value : [...old, ...result.value]));
    },
    [client, session, checked],
  );
  useEffect(() => void load(), [load]);

  return (
    <div className="console-audit" data-testid="console-audit">
      {failed && <p className="code-problem" role="status">{t('console.audit.failed')}</p>}
      {rows !== null && rows.length === 0 && <p>{t('console.audit.empty')}</p>}
      {rows !== null && rows.length > 0 && (
        <table className="console-table">
          <thead>
            <tr>
              <th>{t('console.audit.when')}</th>
              <th>{t('console.audit.who')}</th>
              <th>{t('console.audit.what')}</th>
              <th>{t('console.audit.subject')}</th>
              <th>{t('console.audit.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={`audit-row-${row.id}`}>
                <td>{new Date(row.atMs).toLocaleDateString(toLocale(i18n.resolvedLanguage))} {formatClock(row.atMs, toLocale(i18n.resolvedLanguage))}</td>
                <td>{row.stewardName ?? t('console.audit.station')}</td>
                <td data-testid="audit-action">{row.action}</td>
                <td>{row.subject ?? ''}</td>
                <td>{row.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="screen-actions">
        <button type="button" className="big-button" data-testid="audit-refresh" onClick={() => void load()}>
          {t('console.audit.refresh')}
        </button>
        {more && rows !== null && (
          <button type="button" className="big-button" data-testid="audit-older" onClick={() => void load(rows.at(-1)?.id)}>
            {t('console.audit.older')}
          </button>
        )}
      </div>
    </div>
  );
}
