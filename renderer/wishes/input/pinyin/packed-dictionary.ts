/**
 * The parsed word list packed into a few flat arrays and two strings, so it can cross from
 * the worker that parses it (dictionary-worker.ts) to the page at the cost of a memory copy
 * of two strings: the typed arrays are transferred, not copied, and no 80,000 small objects
 * are rebuilt on the page's thread. Words are decoded one initials group at a time, the
 * first time a lookup asks for that group, and kept. Pure: no DOM.
 */
import { syllablePrefixesOf, type ParsedDictionary, type PinyinDictionary, type PinyinWord } from './dictionary';

/** What the worker posts. Every array is indexed by word (in group order) unless said. */
export interface PackedDictionary {
  /**
   * The initials keys (`xx`, `nh`, …), one per group, in ascending order, concatenated: found
   * by binary search, so the page builds no table of 15,000 keys.
   */
  readonly keys: string;
  /** Per group: where its key ends in `keys`. */
  readonly keyEnd: Uint32Array;
  /** Per group (one more entry than groups): index of the group's first word. */
  readonly groupStart: Uint32Array;
  /** Every word's text, concatenated. */
  readonly texts: string;
  /** Where each word's text ends in `texts` (UTF-16 units). */
  readonly textEnd: Uint32Array;
  /** Each word's rank (0 is the most frequent). */
  readonly ranks: Uint32Array;
  /** Each word's syllables as indices into `syllableNames`, concatenated. */
  readonly syllableIds: Uint16Array;
  /** Where each word's syllables end in `syllableIds`. */
  readonly syllableEnd: Uint32Array;
  /** Every syllable in the list, each once. */
  readonly syllableNames: readonly string[];
  readonly size: number;
}

/** Packs a parsed list (in the worker). */
export function packDictionary(parsed: ParsedDictionary): PackedDictionary {
  const syllableNames = [...parsed.syllables];
  const syllableIndex = new Map(syllableNames.map((s, i) => [s, i]));
  const groups = [...parsed.byInitials].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const keys: string[] = [];
  const keyEnd = new Uint32Array(groups.length);
  const groupStart = new Uint32Array(groups.length + 1);
  const textEnd = new Uint32Array(parsed.size);
  const ranks = new Uint32Array(parsed.size);
  const syllableEnd = new Uint32Array(parsed.size);
  const ids: number[] = [];
  const texts: string[] = [];
  let word = 0;
  let textLength = 0;
  let keyLength = 0;
  for (const [key, words] of groups) {
    groupStart[keys.length] = word;
    keyLength += key.length;
    keyEnd[keys.length] = keyLength;
    keys.push(key);
    for (const w of words) {
      texts.push(w.text);
      textLength += w.text.length;
      textEnd[word] = textLength;
      ranks[word] = w.rank;
      for (const s of w.syllables) ids.push(syllableIndex.get(s) ?? 0);
      syllableEnd[word] = ids.length;
      word += 1;
    }
  }
  groupStart[keys.length] = word;
  return {
    keys: keys.join(''),
    keyEnd,
    groupStart,
    texts: texts.join(''),
    textEnd,
    ranks,
    syllableIds: Uint16Array.from(ids),
    syllableEnd,
    syllableNames,
    size: parsed.size,
  };
}

/** The buffers to transfer with `postMessage` (the worker gives them up). */
export function transferablesOf(packed: PackedDictionary): ArrayBuffer[] {
  const arrays = [packed.keyEnd, packed.groupStart, packed.textEnd, packed.ranks, packed.syllableIds, packed.syllableEnd];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** The group whose key is `key`, by binary search; undefined when there is none. */
function findGroup(packed: PackedDictionary, key: string): number | undefined {
  let low = 0;
  let high = packed.keyEnd.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const here = packed.keys.slice(mid === 0 ? 0 : packed.keyEnd[mid - 1], packed.keyEnd[mid]);
    if (here === key) return mid;
    if (here < key) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/** A dictionary over the packed arrays (on the page): well under a millisecond, whatever the list's size. */
export function unpackDictionary(packed: PackedDictionary): PinyinDictionary {
  const decoded = new Map<number, readonly PinyinWord[]>();
  const decode = (group: number): readonly PinyinWord[] => {
    const from = packed.groupStart[group] ?? 0;
    const to = packed.groupStart[group + 1] ?? from;
    const words: PinyinWord[] = [];
    for (let i = from; i < to; i += 1) {
      const syllables: string[] = [];
      for (let j = i === 0 ? 0 : (packed.syllableEnd[i - 1] ?? 0); j < (packed.syllableEnd[i] ?? 0); j += 1) {
        syllables.push(packed.syllableNames[packed.syllableIds[j] ?? 0] ?? '');
      }
      const textStart = i === 0 ? 0 : (packed.textEnd[i - 1] ?? 0);
      words.push({ text: packed.texts.slice(textStart, packed.textEnd[i]), syllables, rank: packed.ranks[i] ?? 0 });
    }
    decoded.set(group, words);
    return words;
  };
  const syllables = new Set(packed.syllableNames);
  return {
    syllables,
    syllablePrefixes: syllablePrefixesOf(syllables),
    byInitials: {
      get: (key) => {
        const group = findGroup(packed, key);
        return group === undefined ? undefined : (decoded.get(group) ?? decode(group));
      },
    },
    size: packed.size,
  };
}
