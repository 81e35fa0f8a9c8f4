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
   * list in rank order, most frequent first.
   */
  readonly byInitials: ReadonlyMap<string, readonly PinyinWord[]>;
  readonly size: number;
}

/** Parses `word<TAB>syl syl…` lines, most frequent first; malformed lines are skipped. */
export function parseDictionary(text: string): PinyinDictionary {
  const syllables = new Set<string>();
  const byInitials = new Map<string, PinyinWord[]>();
  let rank = 0;
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const word = line.slice(0, tab);
    const parts = line.slice(tab + 1).split(' ');
    if (parts.length === 0 || parts.some((p) => !/^[a-z]+$/.test(p))) continue;
    const entry: PinyinWord = { text: word, syllables: parts, rank: rank++ };
    for (const p of parts) syllables.add(p);
    const key = parts.map((p) => p[0]).join('');
    const list = byInitials.get(key);
    if (list) list.push(entry);
    else byInitials.set(key, [entry]);
  }
  const syllablePrefixes = new Set<string>();
  for (const s of syllables) {
    for (let i = 1; i < s.length; i += 1) {
      const prefix = s.slice(0, i);
      if (!syllables.has(prefix)) syllablePrefixes.add(prefix);
    }
  }
  return { syllables, syllablePrefixes, byInitials, size: rank };
}
