/**
 * Splits typed pinyin into syllables: `woxiangyao` → wo·xiang·yao, `xx` → x·x (initials),
 * `zhongg` → zhong·g (last syllable still being typed). Spaces and apostrophes are boundaries
 * the person set (`xi'an`). Pure.
 */

/** One piece of typed pinyin. */
export interface PinyinToken {
  /** Lower-case letters, ü typed as v. */
  readonly text: string;
  /** `full`: a whole syllable, matched exactly. `prefix`: an initial or a syllable still being typed. */
  readonly kind: 'full' | 'prefix';
  /** Index in the typed input just after this token (so the rest after choosing a word). */
  readonly end: number;
}

/** Syllable tables a segmentation needs (see PinyinDictionary). */
export interface SyllableTables {
  readonly syllables: ReadonlySet<string>;
  readonly syllablePrefixes: ReadonlySet<string>;
}

/** Initials that stand for a syllable when typed alone (abbreviated input, `nh` → 你好). */
const INITIALS = new Set(['b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w', 'zh', 'ch', 'sh']);
/** Longest pinyin syllable (`zhuang`, `shuang`). */
const MAX_SYLLABLE = 6;
/** Costs: a whole syllable is cheapest, so `xian` is 先 before 西安 and `zhongguo` is zhong·guo. */
const COST_FULL = 1;
const COST_INITIAL = 1.6;
const COST_TAIL = 1.3;
/** Segmentations kept per position; the best few are enough for candidates. */
const KEEP = 3;
/** Longer input is cut here: no phrase on a touch keyboard is longer, and lookups stay bounded. */
export const MAX_PINYIN_INPUT = 60;

interface Path {
  readonly cost: number;
  readonly tokens: readonly PinyinToken[];
}

function isBoundary(ch: string): boolean {
  return ch === ' ' || ch === "'";
}

/**
 * The best segmentations of `input`, cheapest first (at most KEEP); empty when the letters
 * cannot be read as pinyin at all (`iii`, digits). `input` is taken as lower case.
 */
export function segmentPinyin(input: string, tables: SyllableTables): PinyinToken[][] {
  const text = input.slice(0, MAX_PINYIN_INPUT).toLowerCase();
  const best: Path[][] = Array.from({ length: text.length + 1 }, () => []);
  best[0] = [{ cost: 0, tokens: [] }];
  const offer = (at: number, path: Path): void => {
    const list = best[at] ?? [];
    best[at] = list;
    list.push(path);
    list.sort((a, b) => a.cost - b.cost || a.tokens.length - b.tokens.length);
    if (list.length > KEEP) list.length = KEEP;
  };
  for (let i = 0; i < text.length; i += 1) {
    const here = best[i] ?? [];
    if (here.length === 0) continue;
    if (isBoundary(text[i] ?? '')) {
      for (const path of here) offer(i + 1, path);
      continue;
    }
    for (let len = 1; len <= MAX_SYLLABLE && i + len <= text.length; len += 1) {
      const piece = text.slice(i, i + len);
      if (!/^[a-z]+$/.test(piece)) break;
      const end = i + len;
      let kind: PinyinToken['kind'] | null = null;
      let cost = 0;
      if (tables.syllables.has(piece)) [kind, cost] = ['full', COST_FULL];
      else if (INITIALS.has(piece)) [kind, cost] = ['prefix', COST_INITIAL];
      else if (end === text.length && tables.syllablePrefixes.has(piece)) [kind, cost] = ['prefix', COST_TAIL];
      if (kind === null) continue;
      for (const path of here) offer(end, { cost: path.cost + cost, tokens: [...path.tokens, { text: piece, kind, end }] });
    }
  }
  return (best[text.length] ?? []).filter((p) => p.tokens.length > 0).map((p) => [...p.tokens]);
}
