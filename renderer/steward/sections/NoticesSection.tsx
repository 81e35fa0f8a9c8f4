/**
 * Notices editor: what the attract screen shows, each in zh-CN and English with its daily
 * window and weekdays. Switching one on or off, deleting, and adding one.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { EVERY_DAY, type Notice, type NoticeFields, type NoticeKind } from '../../../common/notices';
import { localized, toLocale } from '../../i18n/i18n';
import { windowText } from '../../notices/AttractNotices';
import type { ConsoleSectionProps } from '../console-sections';
import './sections.css';

const KINDS: readonly NoticeKind[] = ['notice', 'event', 'service'];
/** Monday first, as stewards read a week; values are `Date.getDay()` bits. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

const EMPTY: NoticeFields = {
  kind: 'notice', title: { 'zh-CN': '', en: '' }, body: { 'zh-CN': '', en: '' }, startMinute: 0, endMinute: 1440, days: EVERY_DAY, active: true,
};

const toMinute = (hhmm: string, fallback: number) => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : fallback;
};
const toHhmm = (minute: number) => `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export function NoticesSection({ client, session, checked }: ConsoleSectionProps): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const [draft, setDraft] = useState<NoticeFields | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    const result = checked(await client.listNotices({ session }));
    if (result.ok) setNotices(result.value);
  }, [client, session, checked]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (id: number | null, fields: NoticeFields) => {
    const result = checked(await client.saveNotice({ session, id, fields }));
    setFailed(!result.ok);
    if (result.ok) {
      setDraft(null);
      await load();
    }
  };
  const remove = async (id: number) => {
    const result = checked(await client.deleteNotice({ session, id }));
    setFailed(!result.ok);
    await load();
  };
  const fieldsOf = ({ id: _id, updatedMs: _u, ...fields }: Notice): NoticeFields => fields;

  return (
    <section className="console-section notices-section" data-testid="section-notices">
      {failed && <p className="console-error">{t('notices.failed')}</p>}
      <ul className="notices-list">
        {notices.map((n) => (
          <li key={n.id} data-testid={`notice-${n.id}`} className={n.active ? 'notice-row' : 'notice-row is-off'}>
            <span>{t(`notices.kind.${n.kind}`)}</span>
            <strong>{localized(n.title, locale)}</strong>
            <span>{windowText(n) ?? t('common.allDay')}</span>
            <button type="button" className="console-small" data-testid={`notice-toggle-${n.id}`} onClick={() => void save(n.id, { ...fieldsOf(n), active: !n.active })}>
              {t(n.active ? 'notices.turnOff' : 'notices.turnOn')}
            </button>
            <button type="button" className="console-small" data-testid={`notice-delete-${n.id}`} onClick={() => void remove(n.id)}>
              {t('notices.delete')}
            </button>
          </li>
        ))}
      </ul>
      {draft ? (
        <form className="notice-form" data-testid="notice-form" onSubmit={(e) => { e.preventDefault(); void save(null, draft); }}>
          <select value={draft.kind} data-testid="notice-kind" onChange={(e) => setDraft({ ...draft, kind: e.target.value as NoticeKind })}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`notices.kind.${k}`)}</option>)}
          </select>
          <input data-testid="notice-title-zh" placeholder={t('notices.titleZh')} maxLength={60} value={draft.title['zh-CN']} onChange={(e) => setDraft({ ...draft, title: { ...draft.title, 'zh-CN': e.target.value } })} />
          <input data-testid="notice-title-en" placeholder={t('notices.titleEn')} maxLength={100} value={draft.title.en} onChange={(e) => setDraft({ ...draft, title: { ...draft.title, en: e.target.value } })} />
          <input data-testid="notice-body-zh" placeholder={t('notices.bodyZh')} maxLength={300} value={draft.body['zh-CN']} onChange={(e) => setDraft({ ...draft, body: { ...draft.body, 'zh-CN': e.target.value } })} />
          <input data-testid="notice-body-en" placeholder={t('notices.bodyEn')} maxLength={500} value={draft.body.en} onChange={(e) => setDraft({ ...draft, body: { ...draft.body, en: e.target.value } })} />
          <label>
            {t('notices.from')}
            <input type="time" data-testid="notice-start" value={toHhmm(draft.startMinute)} onChange={(e) => setDraft({ ...draft, startMinute: toMinute(e.target.value, draft.startMinute) })} />
          </label>
          <label>
            {t('notices.until')}
            <input type="time" data-testid="notice-end" value={draft.endMinute === 1440 ? '23:59' : toHhmm(draft.endMinute)} onChange={(e) => setDraft({ ...draft, endMinute: e.target.value === '23:59' ? 1440 : toMinute(e.target.value, draft.endMinute) })} />
          </label>
          <fieldset className="notice-days">
            {WEEKDAYS.map((d) => (
              <label key={d}>
                <input type="checkbox" data-testid={`notice-day-${d}`} checked={(draft.days & (1 << d)) !== 0} onChange={() => setDraft({ ...draft, days: draft.days ^ (1 << d) })} />
                {t(`notices.day.${d}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="big-button" data-testid="notice-save" disabled={draft.title['zh-CN'] === '' || draft.title.en === '' || draft.days === 0 || draft.startMinute >= draft.endMinute}>
            {t('notices.save')}
          </button>
          <button type="button" className="big-button" onClick={() => setDraft(null)}>
            {t('supplies.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="big-button" data-testid="notice-add" onClick={() => setDraft(EMPTY)}>
          {t('notices.add')}
        </button>
      )}
    </section>
  );
}
