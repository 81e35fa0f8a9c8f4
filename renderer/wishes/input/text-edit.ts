/**
 * Editing the composer's text at a caret. Positions count characters as the service counts
 * them — grapheme clusters (`common/wish-text.ts`): a Chinese character, an emoji family or
 * a flag is one — the same unit as the length limit, so a caret can never split a surrogate
 * pair or an emoji sequence, and the counter never disagrees with the service. Pure.
 */
import { countCharacters, graphemes } from '../../../common/wish-text';

/** Text with a caret. `caret` is 0…length in grapheme clusters. */
export interface Edit {
  readonly value: string;
  readonly caret: number;
}

function clampCaret(caret: number, length: number): number {
  if (!Number.isFinite(caret)) return length;
  return Math.max(0, Math.min(length, Math.trunc(caret)));
}

/**
 * Inserts `text` at the caret, cut to what still fits in `maxLength` (grapheme clusters),
 * and puts the caret after it. Nothing changes when the text is already full.
 */
export function insertText(edit: Edit, text: string, maxLength: number): Edit {
  const chars = graphemes(edit.value);
  const caret = clampCaret(edit.caret, chars.length);
  const before = chars.slice(0, caret).join('');
  const after = chars.slice(caret).join('');
  const added = graphemes(text).slice(0, Math.max(0, maxLength - chars.length));
  // Joined text can re-cluster at the seams (a regional indicator pairs with its neighbour),
  // so the result is counted again and cut until it fits.
  while (added.length > 0 && countCharacters(before + added.join('') + after) > maxLength) added.pop();
  const inserted = before + added.join('');
  return { value: inserted + after, caret: countCharacters(inserted) };
}

/** Deletes the character (grapheme cluster) before the caret; nothing at the start. */
export function deleteBefore(edit: Edit): Edit {
  const chars = graphemes(edit.value);
  const caret = clampCaret(edit.caret, chars.length);
  if (caret === 0) return { value: edit.value, caret: 0 };
  chars.splice(caret - 1, 1);
  return { value: chars.join(''), caret: caret - 1 };
}

/** The caret kept inside `value` (after the parent changed the value under it). */
export function keepCaret(value: string, caret: number): number {
  return clampCaret(caret, countCharacters(value));
}
