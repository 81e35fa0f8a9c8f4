/**
 * Inspection: the seven haves and the daily checks, each pass or fail (all pass to start
 * with) with an optional note written on the on-screen keyboard (no text field, so the
 * operating system's keyboard never appears), saved with the time and the steward; the
 * latest inspections below with their notes.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DAILY_CHECKS, INSPECTION_ITEMS, INSPECTION_NOTE_LIMIT, SEVEN_HAVES, type Inspection, type InspectionItem } from '../../../common/inspection';
import { TextComposer } from '../../wishes/input/TextComposer';
import type { ConsoleSectionProps } from '../console-sections';
import './sections.css';

export function InspectionSection({ client, session, checked }: ConsoleSectionProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [failing, setFailing] = useState<ReadonlySet<InspectionItem>>(new Set());
  const [notes, setNotes] = useState<Partial<Record<InspectionItem, string>>>({});
  const [writing, setWriting] = useState<InspectionItem | null>(null);
  const [history, setHistory] = useState<readonly Inspection[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<boolean | null>(null);

  const load = useCallback(async () => {
    const result = checked(await client.listInspections({ session, limit: 10 }));
    if (result.ok) setHistory(result.value);
  }, [client, session, checked]);
  useEffect(() => {
    void load();
  }, [load]);

  const toggle = (item: InspectionItem) =>
    setFailing((s) => {
      const next = new Set(s);
      if (!next.delete(item)) next.add(item);
      return next;
    });
  const save = async () => {
    setBusy(true);
    const results = INSPECTION_ITEMS.map((item) => ({ item, passed: !failing.has(item), note: notes[item]?.trim() || null }));
    const result = checked(await client.recordInspection({ session, results }));
    setBusy(false);
    setSaved(result.ok);
    if (result.ok) {
      setFailing(new Set());
      setNotes({});
      setWriting(null);
      await load();
    }
  };
  const row = (item: InspectionItem) => (
    <li key={item} className="check-row">
      <button type="button" className={failing.has(item) ? 'check is-failed' : 'check'} data-testid={`inspection-${item}`} aria-pressed={!failing.has(item)} onClick={() => toggle(item)}>
        <span>{t(`inspection.item.${item}`)}</span>
        <span className="check-state">{t(failing.has(item) ? 'inspection.fail' : 'inspection.pass')}</span>
      </button>
      <button type="button" className="console-small check-note" data-testid={`inspection-note-${item}`} aria-pressed={writing === item} onClick={() => setWriting(writing === item ? null : item)}>
        {notes[item] ? notes[item] : t('inspection.addNote')}
      </button>
    </li>
  );
  const time = (ms: number) => new Date(ms).toLocaleString(i18n.resolvedLanguage ?? 'zh-CN');
  return (
    <section className="console-section inspection-section" data-testid="section-inspection">
      <h3>{t('inspection.sevenHaves')}</h3>
      <ul className="check-list">{SEVEN_HAVES.map(row)}</ul>
      <h3>{t('inspection.daily')}</h3>
      <ul className="check-list">{DAILY_CHECKS.map(row)}</ul>
      {writing && (
        <div className="inspection-note-editor" data-testid="inspection-note-editor">
          <h3>{t('inspection.noteFor', { item: t(`inspection.item.${writing}`) })}</h3>
          <TextComposer
            key={writing}
            value={notes[writing] ?? ''}
            onChange={(value) => setNotes((n) => ({ ...n, [writing]: value }))}
            maxLength={INSPECTION_NOTE_LIMIT}
            placeholder={t('inspection.notePlaceholder')}
            autoFocus
            handwriting={client}
          />
          <button type="button" className="big-button" data-testid="inspection-note-done" onClick={() => setWriting(null)}>
            {t('inspection.noteDone')}
          </button>
        </div>
      )}
      <button type="button" className="big-button" data-testid="inspection-save" disabled={busy} onClick={() => void save()}>
        {t('inspection.save')}
      </button>
      {saved !== null && <p role="status" data-testid="inspection-saved">{t(saved ? 'inspection.saved' : 'inspection.failed')}</p>}
      <h3>{t('inspection.history')}</h3>
      <ul className="inspection-history" data-testid="inspection-history">
        {history.map((i) => (
          <li key={i.id} data-testid={`inspection-record-${i.id}`}>
            {time(i.atMs)} · {i.stewardName} · {i.failed === 0 ? t('inspection.allPassed') : t('inspection.failedCount', { count: i.failed })}
            {i.results
              .filter((r) => r.note !== null)
              .map((r) => (
                <span key={r.item} className="inspection-history-note" data-testid={`inspection-record-note-${r.item}`}>
                  {' · '}
                  {t(`inspection.item.${r.item}`)}: {r.note}
                </span>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
