/** Usage: today, 7 or 30 days — visits by hour and by day, workers, charging, join interest. */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsageRange, UsageReport } from '../../../common/usage';
import { DEFAULT_USAGE_RANGE } from '../console-prefetch';
import type { ConsoleSectionProps } from '../console-sections';
import './sections.css';
import { UsageChart } from './UsageChart';

const RANGES: readonly UsageRange[] = ['today', '7d', '30d'];
const CATEGORIES = ['food-delivery', 'courier', 'ride-hailing', 'sanitation', 'other'] as const;

export function UsageSection({ client, session, checked, prefetch }: ConsoleSectionProps): ReactElement {
  const [range, setRange] = useState<UsageRange>(DEFAULT_USAGE_RANGE);
  // The report asked for as the console opened or the tab was pressed: used for the first
  // showing only, and drawn in the first render when it has already arrived.
  const [early] = useState(() => prefetch.usage.take(DEFAULT_USAGE_RANGE));
  const earlyUsed = useRef(false);
  const arrived = early?.arrived?.value;
  const [report, setReport] = useState<UsageReport | null>(arrived?.ok ? arrived.value : null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    const answer = early && !earlyUsed.current && range === DEFAULT_USAGE_RANGE ? early.answer : client.getUsage({ session, range });
    earlyUsed.current = true;
    void answer.then((got) => {
      if (!current) return;
      const result = checked(got);
      setFailed(!result.ok);
      setReport(result.ok ? result.value : null);
    });
    return () => {
      current = false;
    };
  }, [client, session, range, checked, early]);
  return <UsageView range={range} onRange={setRange} report={report} failed={failed} />;
}

export interface UsageViewProps {
  readonly range: UsageRange;
  readonly onRange: (range: UsageRange) => void;
  /** Null while loading. */
  readonly report: UsageReport | null;
  readonly failed: boolean;
}

export function UsageView({ range, onRange, report, failed }: UsageViewProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="console-section usage-section" data-testid="section-usage">
      <div className="console-tabs" role="tablist">
        {RANGES.map((r) => (
          <button key={r} type="button" role="tab" aria-selected={r === range} className="console-tab" data-testid={`usage-range-${r}`} onClick={() => onRange(r)}>
            {t(`usage.range.${r}`)}
          </button>
        ))}
      </div>
      {failed && <p className="console-error">{t('usage.failed')}</p>}
      {report && (
        <>
          <dl className="usage-totals">
            <Total id="visits" label={t('usage.visits')} value={report.members + report.guests} />
            <Total id="members" label={t('usage.members')} value={report.members} />
            <Total id="guests" label={t('usage.guests')} value={report.guests} />
            <Total id="unique" label={t('usage.uniqueWorkers')} value={report.uniqueWorkers} />
            <Total id="charging" label={t('usage.charging')} value={report.charging.sessions} />
            <Total id="average" label={t('usage.averageMinutes')} value={report.charging.averageMinutes ?? '–'} />
            <Total id="join" label={t('usage.joinInterest')} value={report.joinInterest} />
            <Total id="wishes" label={t('usage.wishPosts')} value={report.wishPosts} />
          </dl>
          <h3>{t('usage.byHour')}</h3>
          <UsageChart byHour={report.byHour} labels={{ members: t('usage.members'), guests: t('usage.guests') }} />
          {report.byDay.length > 1 && (
            <>
              <h3>{t('usage.byDay')}</h3>
              <table className="usage-days" data-testid="usage-days">
                <tbody>
                  {report.byDay.map((d) => (
                    <tr key={d.date}>
                      <th>{d.date}</th>
                      <td>{d.members + d.guests}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h3>{t('usage.categories')}</h3>
          <dl className="usage-totals">
            {CATEGORIES.map((c) => (
              <Total key={c} id={`category-${c}`} label={t(`category.${c}`)} value={report.categories[c]} />
            ))}
            <Total id="category-unanswered" label={t('usage.unanswered')} value={report.categories.unanswered} />
          </dl>
        </>
      )}
    </section>
  );
}

function Total({ id, label, value }: { readonly id: string; readonly label: string; readonly value: number | string }): ReactElement {
  return (
    <div className="usage-total" data-testid={`usage-${id}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
