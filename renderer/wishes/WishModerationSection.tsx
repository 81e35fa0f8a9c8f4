/**
 * The steward console's Wishes section: held notes first (or all), with their word-list hits;
 * approve, pin, hide with a reason, reply ("the union replied"), mark done; and whether new
 * notes post at once or after approval. Every action is authorised and audited by the
 * service; this section only asks. A reason or reply is written on the touch composer (no
 * native field, so the operating system's keyboard never appears on the kiosk).
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModeratedWish, WishModerationAction, WishModerationMode } from '../../common/wishes';
import type { ConsoleSectionProps } from '../steward/console-sections';
import { TextComposer } from './input/TextComposer';
import { WishNoteCard } from './WishNoteCard';
import './wishes.css';

/** A steward's reply or hide reason, at most (the contract allows 200 UTF-16 units; Han characters are one each). */
const STEWARD_TEXT_MAX = 100;

type Asking = { readonly id: number; readonly kind: 'hide' | 'reply' } | null;

export function WishModerationSection({ session, client, checked }: ConsoleSectionProps): ReactElement {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'held' | 'all'>('held');
  const [notes, setNotes] = useState<readonly ModeratedWish[]>([]);
  const [mode, setMode] = useState<WishModerationMode | null>(null);
  const [failed, setFailed] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [words, setWords] = useState('');

  const load = useCallback(async () => {
    const result = checked(await client.listWishesForModeration({ session, filter, page: 0 }));
    if (result.ok) {
      setNotes(result.value.notes);
      setMode(result.value.mode);
    }
    setFailed(!result.ok);
  }, [client, session, filter, checked]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (id: number, action: WishModerationAction) => {
    const result = checked(await client.moderateWish({ session, id, action }));
    setFailed(!result.ok);
    setAsking(null);
    setWords('');
    if (result.ok) await load();
  };

  const switchMode = async (next: WishModerationMode) => {
    const result = checked(await client.setWishModerationMode({ session, mode: next }));
    setFailed(!result.ok);
    if (result.ok) setMode(next);
  };

  return (
    <section className="wish-moderation" data-testid="wish-moderation">
      <header className="wish-moderation-head">
        <h2>{t('wishes.moderation.title')}</h2>
        <div role="radiogroup" aria-label={t('wishes.moderation.mode')} className="wish-categories">
          {(['immediate', 'approval'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} className="wish-category-choice" data-testid={`wish-mode-${m}`} onClick={() => void switchMode(m)}>
              {t(m === 'immediate' ? 'wishes.moderation.modeImmediate' : 'wishes.moderation.modeApproval')}
            </button>
          ))}
        </div>
        <div role="radiogroup" className="wish-categories">
          {(['held', 'all'] as const).map((f) => (
            <button key={f} type="button" role="radio" aria-checked={filter === f} className="wish-category-choice" data-testid={`wish-filter-${f}`} onClick={() => setFilter(f)}>
              {t(f === 'held' ? 'wishes.moderation.held' : 'wishes.moderation.all')}
            </button>
          ))}
        </div>
      </header>
      {failed && <p className="wish-problem" role="alert">{t('wishes.moderation.failed')}</p>}
      {notes.length === 0 && <p className="wish-empty">{t('wishes.moderation.none')}</p>}
      <ul className="wish-moderation-list">
        {notes.map((note) => (
          <li key={note.id} className={asking?.id === note.id ? 'wish-moderation-item is-asking' : 'wish-moderation-item'} data-testid="wish-moderation-item" data-wish-id={note.id} data-state={note.state}>
            <WishNoteCard note={note} onMeToo={null} agreed={false} />
            <p className="wish-moderation-why">
              {note.heldFor === 'words' && t('wishes.moderation.hits', { words: note.hits.join('、') })}
              {note.heldFor === 'approval' && t('wishes.moderation.heldForApproval')}
              {note.hiddenReason !== null && t('wishes.moderation.hiddenBecause', { reason: note.hiddenReason })}
            </p>
            {asking?.id === note.id ? (
              <div className="wish-compose-actions">
                <div className="wish-moderation-composer" data-testid="wish-moderation-text">
                  <TextComposer
                    value={words}
                    onChange={setWords}
                    maxLength={STEWARD_TEXT_MAX}
                    placeholder={t(asking.kind === 'hide' ? 'wishes.moderation.hideReason' : 'wishes.moderation.replyText')}
                    autoFocus
                  />
                </div>
                <button
                  type="button"
                  className="wish-small-button"
                  data-testid="wish-moderation-send"
                  disabled={words.trim() === ''}
                  onClick={() => void act(note.id, asking.kind === 'hide' ? { kind: 'hide', reason: words.trim() } : { kind: 'reply', text: words.trim() })}
                >
                  {t('wishes.moderation.send')}
                </button>
                <button
                  type="button"
                  className="wish-small-button"
                  data-testid="wish-moderation-cancel"
                  onClick={() => {
                    setAsking(null);
                    setWords('');
                  }}
                >
                  {t('wishes.moderation.cancel')}
                </button>
              </div>
            ) : (
              <div className="wish-compose-actions">
                {note.state !== 'approved' && (
                  <button type="button" className="wish-small-button" data-testid="wish-approve" onClick={() => void act(note.id, { kind: 'approve' })}>
                    {t('wishes.moderation.approve')}
                  </button>
                )}
                <button type="button" className="wish-small-button" data-testid="wish-pin" onClick={() => void act(note.id, { kind: 'pin', pinned: !note.pinned })}>
                  {t(note.pinned ? 'wishes.moderation.unpin' : 'wishes.moderation.pin')}
                </button>
                {note.state !== 'hidden' && (
                  <button type="button" className="wish-small-button" data-testid="wish-hide" onClick={() => setAsking({ id: note.id, kind: 'hide' })}>
                    {t('wishes.moderation.hide')}
                  </button>
                )}
                <button type="button" className="wish-small-button" data-testid="wish-reply" onClick={() => setAsking({ id: note.id, kind: 'reply' })}>
                  {t('wishes.moderation.reply')}
                </button>
                <button type="button" className="wish-small-button" data-testid="wish-done" onClick={() => void act(note.id, { kind: 'done', done: !note.done })}>
                  {t(note.done ? 'wishes.moderation.markUndone' : 'wishes.moderation.markDone')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
