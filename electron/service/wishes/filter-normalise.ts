/**
 * Our normalisation before the word filter, so the usual evasions meet the list as plain
 * words: full-width and compatibility forms (NFKC), case, Cyrillic and Greek look-alikes,
 * zero-width characters, traditional characters (OpenCC, traditional → mainland simplified)
 * and separators put between Han characters ("傻 逼", "傻.逼", "傻<U+200B>逼"). The result is
 * only matched against, never shown or stored.
 */
import * as OpenCC from 'opencc-js/t2cn';

// Letters that look Latin in most fonts; folded so "fuсk" with a Cyrillic с is "fuck".
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ј: 'j', ѕ: 's', α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');
// eslint-disable-next-line no-misleading-character-class -- each invisible code point is matched on its own, on purpose
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u034F\u180E]/g;
// Spaces, punctuation and symbols (and digits used as spacers) between two Han characters.
const BETWEEN_HAN = /(?<=\p{Script=Han})[\p{Z}\p{P}\p{S}\s_]+(?=\p{Script=Han})/gu;

let toSimplified: ((text: string) => string) | null = null;

/** The traditional → simplified converter, built on first use (about 20 ms, 110 kB of tables). */
function simplified(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

export function normaliseForFilter(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c).replace(INVISIBLE, '');
  return simplified(folded).replace(BETWEEN_HAN, '');
}
