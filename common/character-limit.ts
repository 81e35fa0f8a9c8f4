/**
 * Text limits counted in characters as a reader counts them (grapheme clusters: an emoji
 * family, a flag, a letter with its combining marks is one), the same rule the on-screen
 * composer counts with (`countCharacters` in `wish-text.ts`). A limit in UTF-16 units, as
 * zod's `maxLength` counts, would refuse a note the composer let through.
 */
import * as z from 'zod/mini';
import { countCharacters } from './wish-text';

/**
 * UTF-16 units one character may take on average before a text is refused unread: a bound
 * on the bytes stored and parsed, far above real text (a ZWJ family is 11 units, a
 * subdivision flag 14), while a text of thousands of stacked combining marks stays refused.
 */
export const UNITS_PER_CHARACTER = 16;

/**
 * A string of `min`–`max` characters (grapheme clusters), at most `max × UNITS_PER_CHARACTER`
 * UTF-16 units. The unit bound is checked first, so a huge string is refused without segmenting it.
 */
export function characters(max: number, min = 0) {
  // Necessary bounds in units (a character is at least one unit), which JSON Schema can say too.
  const units = min > 0 ? [z.minLength(min), z.maxLength(max * UNITS_PER_CHARACTER)] : [z.maxLength(max * UNITS_PER_CHARACTER)];
  return z
    .string()
    .check(
      ...units,
      z.refine((text) => {
        const n = countCharacters(text);
        return n >= min && n <= max;
      }, { message: min > 0 ? `between ${min} and ${max} characters` : `at most ${max} characters` }),
    );
}
