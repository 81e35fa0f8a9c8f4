/**
 * The console's export section: which tables (every one the service offers, see
 * `export-tables.ts`), which period (today, 7 or 30 days up to now), and the folder to write
 * to: a USB stick the station sees mounted, one big button each, or a path typed on the
 * on-screen path keys. Every choice is a button; there is no native field, so the operating
 * system's keyboard never appears. The answer lists the files written.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/contract';
import { TextComposer } from '../../wishes/input/TextComposer';
import type { ConsoleSectionProps } from '../console-sections';

/** The contract's limit on the folder, in characters. */
const FOLDER_MAX = 500;
const PATH_MODES = ['path'] as const;

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
        <button key={id} type="button" className="big-button console-choice" data-testid={`export-table-${id}`} aria-pressed={chosen.has(id)} onClick={() => onToggle(id, !chosen.has(id))}>
          {isNamedTable(id) ? t(TABLE_NAMES[id]) : id}
        </button>
      ))}
    </fieldset>
  );
}

/** The USB sticks mounted now, one button each, and the typed path on the path keys. */
export function FolderChoice({ folder, detected, onFolder }: {
  readonly folder: string;
  /** Null while asking the station. */
  readonly detected: readonly { path: string; label: string }[] | null;
  readonly onFolder: (folder: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const [typing, setTyping] = useState(false);
  return (
    <fieldset data-testid="export-folder">
      <legend>{t('console.export.folder')}</legend>
      {detected !== null && detected.length === 0 && <p data-testid="export-no-usb">{t('console.export.noneDetected')}</p>}
      {detected !== null && detected.length > 0 && <p>{t('console.export.detected')}</p>}
      {detected?.map((d) => (
        <button key={d.path} type="button" className="big-button console-choice" data-testid={`export-usb-${d.label}`} aria-pressed={folder === d.path} onClick={() => onFolder(d.path)}>
          {d.label} <small>{d.path}</small>
        </button>
      ))}
      <button type="button" className="big-button console-choice" data-testid="export-type-path" aria-pressed={typing} onClick={() => setTyping(!typing)}>
        {t('console.export.typePath')}: <span data-testid="export-folder-value">{folder}</span>
      </button>
      {typing && (
        <div className="notice-text-editor" data-testid="export-path-editor">
          <TextComposer value={folder} onChange={onFolder} maxLength={FOLDER_MAX} modes={PATH_MODES} autoFocus />
          <button type="button" className="big-button" data-testid="export-path-done" onClick={() => setTyping(false)}>
            {t('console.export.pathDone')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

export function ExportSection({ session, client, checked }: ConsoleSectionProps): ReactElement {
  const { t } = useTranslation();
  const [tables, setTables] = useState<readonly string[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [period, setPeriod] = useState<Period>('week');
  const [folder, setFolder] = useState('');
  const [detected, setDetected] = useState<readonly { path: string; label: string }[] | null>(null);
  const [answer, setAnswer] = useState<MethodOutput<'exportCsv'> | string | null>(null);
  const sending = useRef(false);
  useEffect(() => {
    void client.listExportTables({ session }).then((result) => {
      const value = checked(result);
      if (!value.ok) return;
      setTables(value.value);
      setChosen(new Set(value.value));
    });
    void client.listExportFolders({ session }).then((result) => {
      const value = checked(result);
      const found = value.ok ? value.value : [];
      setDetected(found);
      // One stick plugged in: it is the folder unless the steward picks otherwise.
      const only = found.length === 1 ? found[0] : undefined;
      if (only) setFolder((current) => (current === '' ? only.path : current));
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
          <button key={p} type="button" className="big-button console-choice" data-testid={`export-period-${p}`} aria-pressed={period === p} onClick={() => setPeriod(p)}>
            {t(`console.export.${p}`)}
          </button>
        ))}
      </fieldset>
      <FolderChoice folder={folder} detected={detected} onFolder={setFolder} />
      <div className="screen-actions">
        <button type="button" className="big-button" data-testid="export-send" disabled={chosen.size === 0 || folder.trim() === ''} onClick={send}>
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
