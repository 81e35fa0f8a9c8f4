/**
 * Inspection: the seven haves and the daily checks, each pass or fail (all pass to start
 * with), saved with the time and the steward; the latest inspections below.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DAILY_CHECKS, INSPECTION_ITEMS, SEVEN_HAVES, type Inspection, type InspectionItem } from '../../../common/inspection';
import type { SectionProps } from './section-props';
import './sections.css';

export function InspectionSection({ client, session }: SectionProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [failing, setFailing] = useState<ReadonlySet<InspectionItem>>(new Set());
  const [history, setHistory] = useState<readonly Inspection[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<boolean | null>(null);

  const load = useCallback(async () => {
    const result = await client.listInspections({ session, limit: 10 });
    if (result.ok) setHistory(result.value);
  }, [client, session]);
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
    const results = INSPECTION_ITEMS.map((item) => ({ item, passed: !failing.has(item), note: null }));
    const result = await client.recordInspection({ session, results });
    setBusy(false);
    setSaved(result.ok);
    if (result.ok) {
      setFailing(new Set());
      await load();
    }
  };
  const row = (item: InspectionItem) => (
    <li key={item}>
      <button type="button" className={failing.has(item) ? 'check is-failed' : 'check'} data-testid={`inspection-${item}`} aria-pressed={!failing.has(item)} onClick={() => toggle(item)}>
        <span>{t(`inspection.item.${item}`)}</span>
        <span className="check-state">{t(failing.has(item) ? 'inspection.fail' : 'inspection.pass')}</span>
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
      <button type="button" className="big-button" data-testid="inspection-save" disabled={busy} onClick={() => void save()}>
        {t('inspection.save')}
      </button>
      {saved !== null && <p role="status" data-testid="inspection-saved">{t(saved ? 'inspection.saved' : 'inspection.failed')}</p>}
      <h3>{t('inspection.history')}</h3>
      <ul className="inspection-history" data-testid="inspection-history">
        {history.map((i) => (
          <li key={i.id} data-testid={`inspection-record-${i.id}`}>
            {time(i.atMs)} · {i.stewardName} · {i.failed === 0 ? t('inspection.allPassed') : t('inspection.failedCount', { count: i.failed })}
          </li>
        ))}
      </ul>
    </section>
  );
}
