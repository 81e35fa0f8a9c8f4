/**
 * A notice's form (a new one, or one being edited): kind, the four texts (title and text in zh-CN and English) written on
 * the on-screen keyboard one at a time, the daily window on steppers and the weekdays as
 * toggles. Nothing in it is an editable field, so the operating system's keyboard never
 * appears and a card reader's keystrokes still reach the page's wedge capture.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_TEXT_LIMITS, type NoticeFields, type NoticeKind } from '../../../common/notices';
import { localized, toLocale } from '../../i18n/i18n';
import { TextComposer } from '../../wishes/input/TextComposer';
import type { ConsoleSectionProps } from '../console-sections';
import { DAY_MINUTES, DayToggles, MINUTE_STEP, TimeStepper } from './NoticePickers';

const KINDS: readonly NoticeKind[] = ['notice', 'event', 'service'];

/** The four texts, each with the contract's limit in characters. */
const TEXTS = {
  'title-zh': { part: 'title', locale: 'zh-CN', max: NOTICE_TEXT_LIMITS.title['zh-CN'], label: 'notices.titleZh' },
  'title-en': { part: 'title', locale: 'en', max: NOTICE_TEXT_LIMITS.title.en, label: 'notices.titleEn' },
  'body-zh': { part: 'body', locale: 'zh-CN', max: NOTICE_TEXT_LIMITS.body['zh-CN'], label: 'notices.bodyZh' },
  'body-en': { part: 'body', locale: 'en', max: NOTICE_TEXT_LIMITS.body.en, label: 'notices.bodyEn' },
} as const;
type TextId = keyof typeof TEXTS;
const TEXT_IDS = Object.keys(TEXTS) as TextId[];

/** Why an existing notice is changed, in the order shown (`notice-reason-<id>`). */
const EDIT_REASONS = ['mistake', 'changed', 'update'] as const;

export interface NoticeFormProps {
  readonly initial: NoticeFields;
  /** An existing notice: Save asks why (a preset reason, read as shown), and the reason saves it. */
  readonly editing?: boolean;
  readonly handwriting: ConsoleSectionProps['client'];
  /** `reason` only for an edit. */
  readonly onSave: (fields: NoticeFields, reason?: string) => void;
  readonly onCancel: () => void;
}

export function NoticeForm({ initial, editing = false, handwriting, onSave, onCancel }: NoticeFormProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [askingWhy, setAskingWhy] = useState(false);
  const [writing, setWriting] = useState<TextId | null>(null);
  const textOf = (id: TextId) => draft[TEXTS[id].part][TEXTS[id].locale];
  const setText = (id: TextId, value: string) => {
    const { part, locale } = TEXTS[id];
    setDraft((d) => ({ ...d, [part]: { ...d[part], [locale]: value } }));
  };
  const cleaned: NoticeFields = { ...draft, title: trimmed(draft.title), body: trimmed(draft.body) };
  const ready = draft.title['zh-CN'].trim() !== '' && draft.title.en.trim() !== '' && draft.days !== 0 && draft.startMinute < draft.endMinute;

  return (
    <div className="notice-form" data-testid="notice-form">
      {editing && <h3 data-testid="notice-editing">{t('notices.editing', { title: localized(initial.title, toLocale(i18n.resolvedLanguage)) })}</h3>}
      <div className="console-buttons" role="group" aria-label={t('notices.kindLabel')}>
        {KINDS.map((k) => (
          <button key={k} type="button" className="big-button" data-testid={`notice-kind-${k}`} aria-pressed={draft.kind === k} onClick={() => setDraft({ ...draft, kind: k })}>
            {t(`notices.kind.${k}`)}
          </button>
        ))}
      </div>
      {TEXT_IDS.map((id) => (
        <button key={id} type="button" className="big-button notice-text" data-testid={`notice-${id}`} aria-pressed={writing === id} onClick={() => setWriting(writing === id ? null : id)}>
          <span className="notice-text-label">{t(TEXTS[id].label)}</span>
          <span className="notice-text-value">{textOf(id) || t('notices.tapToWrite')}</span>
        </button>
      ))}
      {writing && (
        <div className="notice-text-editor" data-testid="notice-text-editor">
          <h3>{t(TEXTS[writing].label)}</h3>
          <TextComposer key={writing} value={textOf(writing)} onChange={(value) => setText(writing, value)} maxLength={TEXTS[writing].max} autoFocus handwriting={handwriting} />
          <button type="button" className="big-button" data-testid="notice-text-done" onClick={() => setWriting(null)}>
            {t('notices.textDone')}
          </button>
        </div>
      )}
      <div className="notice-window">
        <TimeStepper id="notice-start" label={t('notices.from')} minute={draft.startMinute} min={0} max={DAY_MINUTES - MINUTE_STEP} onChange={(m) => setDraft({ ...draft, startMinute: m })} />
        <TimeStepper id="notice-end" label={t('notices.until')} minute={draft.endMinute} min={MINUTE_STEP} max={DAY_MINUTES} onChange={(m) => setDraft({ ...draft, endMinute: m })} />
      </div>
      {draft.startMinute >= draft.endMinute && <p className="console-error" data-testid="notice-window-wrong">{t('notices.windowWrong')}</p>}
      <DayToggles days={draft.days} onChange={(days) => setDraft({ ...draft, days })} />
      {askingWhy && ready && (
        <div className="console-buttons" role="group" aria-label={t('notices.whyEdit')} data-testid="notice-why">
          <p>{t('notices.whyEdit')}</p>
          {EDIT_REASONS.map((r) => (
            <button key={r} type="button" className="big-button" data-testid={`notice-reason-${r}`} onClick={() => onSave(cleaned, t(`notices.editReason.${r}`))}>
              {t(`notices.editReason.${r}`)}
            </button>
          ))}
        </div>
      )}
      <div className="console-buttons">
        <button type="button" className="big-button" data-testid="notice-save" disabled={!ready} aria-expanded={editing ? askingWhy : undefined} onClick={() => (editing ? setAskingWhy(true) : onSave(cleaned))}>
          {t('notices.save')}
        </button>
        <button type="button" className="big-button" data-testid="notice-cancel" onClick={onCancel}>
          {t('supplies.cancel')}
        </button>
      </div>
    </div>
  );
}

const trimmed = (text: NoticeFields['title']): NoticeFields['title'] => ({ 'zh-CN': text['zh-CN'].trim(), en: text.en.trim() });
