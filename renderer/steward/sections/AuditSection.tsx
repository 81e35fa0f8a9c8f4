/**
 * The console's audit section: steward actions, newest first, 50 at a time ("older" pages
 * back). Read once when opened and again on "refresh"; the log is written by the service.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../common/steward';
import { formatClock } from '../../i18n/clock-time';
import { toLocale } from '../../i18n/i18n';
import { ConsoleTable } from '../components/ConsoleTable';
import type { ConsoleSectionProps } from '../console-sections';

const PAGE = 50;

export function AuditSection({ session, client, checked }: ConsoleSectionProps): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
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
      {rows !== null && (
        <ConsoleTable
          rows={rows}
          rowKey={(row) => row.id}
          rowAttributes={(row) => ({ 'data-testid': `audit-row-${row.id}` })}
          empty={t('console.audit.empty')}
          columns={[
            { header: t('console.audit.when'), cell: (row) => `${new Date(row.atMs).toLocaleDateString(locale)} ${formatClock(row.atMs, locale)}` },
            { header: t('console.audit.who'), cell: (row) => row.stewardName ?? t('console.audit.station') },
            { header: t('console.audit.what'), cell: (row) => row.action, testId: () => 'audit-action' },
            { header: t('console.audit.subject'), cell: (row) => row.subject ?? '' },
            { header: t('console.audit.reason'), cell: (row) => row.reason ?? '' },
          ]}
        />
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
