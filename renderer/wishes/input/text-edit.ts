/**
 * Editing the composer's text at a caret. Positions count Unicode code points (a Chinese
 * character or an emoji is one), the same unit as the length limit, so a caret can never
 * split a surrogate pair. Pure.
 */

/** Text with a caret. `caret` is 0…length in code points. */
export interface Edit {
  readonly value: string;
  readonly caret: number;
}

/** Length in code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

function clampCaret(caret: number, length: number): number {
  if (!Number.isFinite(caret)) return length;
  return Math.max(0, Math.min(length, Math.trunc(caret)));
}

/**
 * Inserts `text` at the caret, cut to what still fits in `maxLength` (code points), and puts
 * the caret after it. Nothing changes when the text is already full.
 */
export function insertText(edit: Edit, text: string, maxLength: number): Edit {
  const chars = Array.from(edit.value);
  const caret = clampCaret(edit.caret, chars.length);
  const room = Math.max(0, maxLength - chars.length);
  const added = Array.from(text).slice(0, room);
  chars.splice(caret, 0, ...added);
  return { value: chars.join(''), caret: caret + added.length };
}

/** Deletes the character before the caret (nothing at the start). */
export function deleteBefore(edit: Edit): Edit {
  const chars = Array.from(edit.value);
  const caret = clampCaret(edit.caret, chars.length);
  if (caret === 0) return { value: edit.value, caret: 0 };
  chars.splice(caret - 1, 1);
  return { value: chars.join(''), caret: caret - 1 };
}

/** The caret kept inside `value` (after the parent changed the value under it). */
export function keepCaret(value: string, caret: number): number {
  return clampCaret(caret, codePointLength(value));
}
