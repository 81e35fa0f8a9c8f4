/**
 * What the service accepts as a note's text, whatever the UI did: real text (no unpaired
 * surrogates), no control characters but line breaks, no bidi overrides or isolates, and at
 * most the station's maximum of characters. Invisible zero-width characters are dropped
 * (they only serve to hide words from the filter), except the joiner inside emoji sequences.
 */
import { countCharacters } from '../../../common/wish-text';
import type { WishRefusal } from '../../../common/wishes';

/** Most line breaks kept in one note; more are folded into spaces. */
export const MAX_LINE_BREAKS = 4;

export type GuardedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: WishRefusal };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 and C1 controls and DEL, except tab, LF and CR (folded below).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Embeddings, overrides, isolates and the directional marks that steer them.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Zero-width space / non-joiner, word joiner, invisible operators, BOM, soft hyphen, CGJ, Mongolian vowel separator.
// eslint-disable-next-line no-misleading-character-class -- each invisible code point is matched on its own, on purpose
const INVISIBLE = /[\u200B\u200C\u2060-\u2064\uFEFF\u00AD\u034F\u180E]/g;
// A zero-width joiner between two pictographs (with their modifiers) builds one emoji; anywhere else it hides text.
// eslint-disable-next-line no-misleading-character-class -- the class lists lone modifiers, not a sequence
const STRAY_JOINER = /(?<![\p{Extended_Pictographic}\uFE0F\u{1F3FB}-\u{1F3FF}])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;


/**
 * The text to store, cleaned, or why it is refused. `maxLength` counts grapheme clusters of
 * the cleaned, trimmed text; an empty result is `empty` unless `allowEmpty` (a sticker alone).
 */
export function guardWishText(raw: string, maxLength: number, allowEmpty: boolean): GuardedText {
  // Checked on the raw text: a 1 MB argument is refused before any copy of it is made.
  if (raw.length > maxLength * 16) return { ok: false, reason: 'too-long' };
  if (LONE_SURROGATE.test(raw)) return { ok: false, reason: 'encoding' };
  if (CONTROL.test(raw)) return { ok: false, reason: 'control' };
  if (BIDI.test(raw)) return { ok: false, reason: 'bidi' };
  let text = raw.normalize('NFC').replace(INVISIBLE, '').replace(STRAY_JOINER, '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  let breaks = 0;
  text = text.replace(/\n/g, () => (++breaks > MAX_LINE_BREAKS ? ' ' : '\n')).trim();
  if (text.length === 0 && !allowEmpty) return { ok: false, reason: 'empty' };
  if (countCharacters(text) > maxLength) return { ok: false, reason: 'too-long' };
  return { ok: true, text };
}
