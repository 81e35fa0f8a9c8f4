/**
 * Notices editor: what the attract screen shows, each in zh-CN and English with its daily
 * window and weekdays. Switching one on or off, deleting, adding one and editing one (on the
 * on-screen keyboard and touch pickers, see `NoticeForm.tsx`); an edit is saved by choosing why
 * it is changed, which goes into the audit log.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { EVERY_DAY, type Notice, type NoticeFields } from '../../../common/notices';
import { localized, toLocale } from '../../i18n/i18n';
import { windowText } from '../../notices/AttractNotices';
import type { ConsoleSectionProps } from '../console-sections';
import { NoticeForm } from './NoticeForm';
import './sections.css';

const EMPTY: NoticeFields = {
  kind: 'notice', title: { 'zh-CN': '', en: '' }, body: { 'zh-CN': '', en: '' }, startMinute: 0, endMinute: 1440, days: EVERY_DAY, active: true,
};

export function NoticesSection({ client, session, checked }: ConsoleSectionProps): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  /** The form's starting point: a new notice (`id` null) or the one being edited. */
  const [draft, setDraft] = useState<{ readonly id: number | null; readonly fields: NoticeFields } | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    const result = checked(await client.listNotices({ session }));
    if (result.ok) setNotices(result.value);
  }, [client, session, checked]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (id: number | null, fields: NoticeFields, reason?: string) => {
    const result = checked(await client.saveNotice({ session, id, fields, ...(reason === undefined ? {} : { reason }) }));
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
            <button type="button" className="console-small" data-testid={`notice-edit-${n.id}`} onClick={() => setDraft({ id: n.id, fields: fieldsOf(n) })}>
              {t('notices.edit')}
            </button>
            <button type="button" className="console-small" data-testid={`notice-delete-${n.id}`} onClick={() => void remove(n.id)}>
              {t('notices.delete')}
            </button>
          </li>
        ))}
      </ul>
      {draft ? (
        <NoticeForm
          key={draft.id ?? 'new'}
          initial={draft.fields}
          editing={draft.id !== null}
          handwriting={client}
          onSave={(fields, reason) => void save(draft.id, fields, reason)}
          onCancel={() => setDraft(null)}
        />
      ) : (
        <button type="button" className="big-button" data-testid="notice-add" onClick={() => setDraft({ id: null, fields: EMPTY })}>
          {t('notices.add')}
        </button>
      )}
    </section>
  );
}
