/**
 * One note on the wall, coloured by its category. The service's text is rendered as a React
 * text child only (escaped, never HTML) and isolated (`dir="auto"`, `unicode-bidi:
 * isolate`), so a note can neither inject markup nor run into its neighbours' direction.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WishNote } from '../../common/wishes';
import { STICKER_GLYPHS } from './stickers';

export interface WishNoteCardProps {
  readonly note: WishNote;
  /** "Me too"; null when the viewer has no wish pass (viewing from the attract screen). */
  readonly onMeToo: (() => void) | null;
  /** This viewer already said "me too" to it. */
  readonly agreed: boolean;
}

export function WishNoteCard({ note, onMeToo, agreed }: WishNoteCardProps): ReactElement {
  const { t } = useTranslation();
  return (
    <article className={`wish-note wish-${note.category}`} data-testid="wish-note" data-wish-id={note.id} data-category={note.category}>
      <header className="wish-note-head">
        <span className="wish-category">{t(`wishes.category.${note.category}`)}</span>
        {note.pinned && <span className="wish-badge wish-pinned">{t('wishes.pinned')}</span>}
        {note.done && <span className="wish-badge wish-done">{t('wishes.done')}</span>}
      </header>
      {note.sticker && (
        <span className="wish-sticker" role="img" aria-label={t(`wishes.sticker.${note.sticker}`)}>
          {STICKER_GLYPHS[note.sticker]}
        </span>
      )}
      {note.text !== '' && (
        <p className="wish-text" dir="auto" data-testid="wish-text">
          {note.text}
        </p>
      )}
      {note.reply !== null && (
        <div className="wish-reply" data-testid="wish-reply">
          <span className="wish-reply-label">{t('wishes.replied')}</span>
          <p dir="auto">{note.reply}</p>
        </div>
      )}
      <footer className="wish-note-foot">
        <span className="wish-me-too-count" data-testid="wish-me-too-count">
          {t('wishes.meTooCount', { count: note.meToo })}
        </span>
        {onMeToo && (
          <button type="button" className="wish-me-too" data-testid="wish-me-too" disabled={agreed} onClick={onMeToo}>
            {agreed ? t('wishes.meTooDone') : `+1 ${t('wishes.meToo')}`}
          </button>
        )}
      </footer>
    </article>
  );
}
