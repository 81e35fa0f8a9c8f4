/**
 * The attract screen's strip of wall notes: the newest approved and pinned ones, one at a
 * time, changing every few seconds; a touch opens the wall. Only the notes' data is fetched
 * here (see `use-wish-rotation`); the wall's own code loads when it is opened.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WishNote } from '../../common/wishes';
import { STICKER_GLYPHS } from './stickers';
import './wish-rotation.css';

/** How long each note stays, ms. */
export const ROTATION_INTERVAL_MS = 6000;

export interface WishRotationProps {
  readonly notes: readonly WishNote[];
  readonly onOpen: () => void;
}

export function WishRotation({ notes, onOpen }: WishRotationProps): ReactElement | null {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (notes.length < 2) return undefined;
    const timer = setInterval(() => setIndex((i) => i + 1), ROTATION_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [notes.length]);
  const note = notes.length === 0 ? null : notes[index % notes.length];
  return (
    <button type="button" className="wish-rotation" data-testid="wish-rotation" onClick={onOpen}>
      <span className="wish-rotation-title">{t('wishes.open')}</span>
      {note ? (
        <span className={`wish-rotation-note wish-${note.category}`} data-testid="wish-rotation-note" dir="auto">
          {note.sticker && <span aria-hidden="true">{STICKER_GLYPHS[note.sticker]} </span>}
          {note.text}
        </span>
      ) : (
        <span className="wish-rotation-note">{t('wishes.openHint')}</span>
      )}
    </button>
  );
}
