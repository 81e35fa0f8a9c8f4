/**
 * The pinyin word list in memory: parsed from resources/pinyin/dictionary.txt (see
 * scripts/make-pinyin-dictionary.mjs), indexed for lookup by the first letter of each
 * syllable. Pure: no DOM, no Node.
 */

/** One dictionary word. */
export interface PinyinWord {
  readonly text: string;
  /** Toneless syllables, ü as v, one per character. */
  readonly syllables: readonly string[];
  /** 0 for the most frequent word; lower is more frequent. */
  readonly rank: number;
}

/** The parsed list, ready for lookups. */
export interface PinyinDictionary {
  /** Every syllable that occurs in the list (`zhong`, `lv`, …). */
  readonly syllables: ReadonlySet<string>;
  /** Every proper prefix of a syllable (`zh`, `zho`, `x`, …) that is not itself a syllable. */
  readonly syllablePrefixes: ReadonlySet<string>;
  /**
   * Words by the first letters of their syllables (`xx` → 谢谢, 希望…, `nh` → 你好…), each
   * list in rank order, most frequent first. Only `get` is promised, so a list may be built
   * on first use (see packed-dictionary.ts).
   */
  readonly byInitials: Pick<ReadonlyMap<string, readonly PinyinWord[]>, 'get'>;
  readonly size: number;
}

/** The list as parsed, every word built: its groups can be walked (to pack them). */
export interface ParsedDictionary extends PinyinDictionary {
  readonly byInitials: ReadonlyMap<string, readonly PinyinWord[]>;
}

function isLowerAscii(part: string): boolean {
  if (part.length === 0) return false;
  for (let i = 0; i < part.length; i += 1) {
    const c = part.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Parses `word<TAB>syl syl…` lines, most frequent first; malformed lines are skipped. */
export function parseDictionary(text: string): ParsedDictionary {
  const syllables = new Set<string>();
  const byInitials = new Map<string, PinyinWord[]>();
  let rank = 0;
  let start = 0;
  // One pass with indexOf and char codes: the list has ~80k lines (the page parses it in a
  // worker, see dictionary-worker.ts, but it is still paid once per page).
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', start);
    if (tab > start && tab < end) {
      const parts = text.slice(tab + 1, end).split(' ');
      let key = '';
      let valid = parts.length > 0;
      for (const part of parts) {
        if (!isLowerAscii(part)) valid = false;
        key += part[0] ?? '';
      }
      if (valid) {
        const entry: PinyinWord = { text: text.slice(start, tab), syllables: parts, rank: rank++ };
        for (const part of parts) syllables.add(part);
        const list = byInitials.get(key);
        if (list) list.push(entry);
        else byInitials.set(key, [entry]);
      }
    }
    start = end + 1;
  }
  return { syllables, syllablePrefixes: syllablePrefixesOf(syllables), byInitials, size: rank };
}

/** Every proper prefix of a syllable that is not itself one (a few hundred: cheap anywhere). */
export function syllablePrefixesOf(syllables: ReadonlySet<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const s of syllables) {
    for (let i = 1; i < s.length; i += 1) {
      const prefix = s.slice(0, i);
      if (!syllables.has(prefix)) prefixes.add(prefix);
    }
  }
  return prefixes;
}
