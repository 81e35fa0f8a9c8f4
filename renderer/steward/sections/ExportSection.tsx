/**
 * The console's export section: which tables (every one the service offers, see
 * `export-tables.ts`), which period (today, 7 or 30 days up to now), and the folder to write
 * to (a USB stick's mount point); the answer lists the files written.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/contract';
import type { ConsoleSectionProps } from '../console-sections';

const PERIODS = { today: 0, week: 6, month: 29 } as const;
/** The tables the service offers today, by id; one it adds later shows under its id until named here. */
const TABLE_NAMES = {
  visits: 'console.export.table.visits',
  'locker-sessions': 'console.export.table.locker-sessions',
  'steward-actions': 'console.export.table.steward-actions',
  'stock-history': 'console.export.table.stock-history',
  inspections: 'console.export.table.inspections',
} as const;

function isNamedTable(id: string): id is keyof typeof TABLE_NAMES {
  return Object.hasOwn(TABLE_NAMES, id);
}
type Period = keyof typeof PERIODS;
const DAY_MS = 24 * 60 * 60_000;

/** [from, to) in epoch ms: local midnight `daysBack` days ago up to now. */
export function periodRange(period: Period, nowMs: number): { fromMs: number; toMs: number } {
  const midnight = new Date(nowMs);
  midnight.setHours(0, 0, 0, 0);
  return { fromMs: midnight.getTime() - PERIODS[period] * DAY_MS, toMs: nowMs + 1 };
}

/** The tables to tick, each under its name in the steward's language. */
export function TableChoices({ tables, chosen, onToggle }: {
  readonly tables: readonly string[];
  readonly chosen: ReadonlySet<string>;
  readonly onToggle: (id: string, on: boolean) => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('console.export.tables')}</legend>
      {tables.map((id) => (
        <label key={id} className="console-choice">
          <input type="checkbox" data-testid={`export-table-${id}`} checked={chosen.has(id)} onChange={(e) => onToggle(id, e.target.checked)} />
          {isNamedTable(id) ? t(TABLE_NAMES[id]) : id}
        </label>
      ))}
    </fieldset>
  );
}

export function ExportSection({ session, client, checked }: ConsoleSectionProps): ReactElement {
  const { t } = useTranslation();
  const [tables, setTables] = useState<readonly string[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [period, setPeriod] = useState<Period>('week');
  const [folder, setFolder] = useState('/media/usb');
  const [answer, setAnswer] = useState<MethodOutput<'exportCsv'> | string | null>(null);
  const sending = useRef(false);
  useEffect(() => {
    void client.listExportTables({ session }).then((result) => {
      const value = checked(result);
      if (!value.ok) return;
      setTables(value.value);
      setChosen(new Set(value.value));
    });
  }, [client, session, checked]);

  const send = (): void => {
    if (sending.current || chosen.size === 0) return;
    sending.current = true;
    setAnswer(null);
    void client.exportCsv({ session, tables: [...chosen], folder: folder.trim(), ...periodRange(period, Date.now()) }).then((result) => {
      sending.current = false;
      const value = checked(result);
      setAnswer(value.ok ? value.value : value.message);
    });
  };
  if (tables === null) return <div className="console-loading" />;
  return (
    <div className="console-export" data-testid="console-export">
      <TableChoices
        tables={tables}
        chosen={chosen}
        onToggle={(id, on) => setChosen((old) => new Set(on ? [...old, id] : [...old].filter((x) => x !== id)))}
      />
      <fieldset>
        <legend>{t('console.export.period')}</legend>
        {(Object.keys(PERIODS) as Period[]).map((p) => (
          <label key={p} className="console-choice">
            <input type="radio" name="export-period" data-testid={`export-period-${p}`} checked={period === p} onChange={() => setPeriod(p)} />
            {t(`console.export.${p}`)}
          </label>
        ))}
      </fieldset>
      <label className="console-choice">
        {t('console.export.folder')}
        <input type="text" data-testid="export-folder" value={folder} onChange={(e) => setFolder(e.target.value)} />
      </label>
      <div className="screen-actions">
        <button type="button" className="big-button" data-testid="export-send" disabled={chosen.size === 0} onClick={send}>
          {t('console.export.write')}
        </button>
      </div>
      {typeof answer === 'string' && <p className="code-problem" role="alert" data-testid="export-failed">{answer}</p>}
      {answer !== null && typeof answer !== 'string' && (
        <ul data-testid="export-files">
          {answer.files.map((f) => (
            <li key={f.path}>{t('console.export.written', { path: f.path, count: f.rows })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
