/**
 * Phrase-level pinyin candidates: typed letters → words and phrases, most likely first.
 * `nihao` → 你好, `xx` → 谢谢, `woxiangyao` → 我想要 (a phrase made of dictionary words).
 * Pure: no DOM.
 */
import type { PinyinDictionary, PinyinWord } from './dictionary';
import { segmentPinyin, type PinyinToken } from './segment';

/** One choice on the candidate bar. */
export interface PinyinCandidate {
  /** Chinese text to insert. */
  readonly text: string;
  /** The typed pinyin still to convert once this one is chosen ('' when it covers all). */
  readonly rest: string;
}

/** Candidates kept for one input: enough for many pages, bounded so a keystroke stays cheap. */
export const MAX_CANDIDATES = 120;
/** Words of one length looked at per lookup before giving up on finding more. */
const MAX_SCANNED = 6000;
/**
 * Word cost for building phrases: about −log(frequency) under Zipf's law (frequency ∝ 1/rank),
 * plus a fixed cost per word so fewer, longer words win.
 */
function wordCost(word: PinyinWord): number {
  return Math.log(word.rank + 2) + 3;
}

function matches(word: PinyinWord, tokens: readonly PinyinToken[], from: number): boolean {
  for (let j = 0; j < word.syllables.length; j += 1) {
    const token = tokens[from + j];
    const syllable = word.syllables[j];
    if (!token || syllable === undefined) return false;
    if (token.kind === 'full' ? syllable !== token.text : !syllable.startsWith(token.text)) return false;
  }
  return true;
}

export class PinyinEngine {
  constructor(private readonly dictionary: PinyinDictionary) {}

  /** Candidates for the typed input, most likely first; empty for input that is not pinyin. */
  candidates(input: string): PinyinCandidate[] {
    const segmentations = segmentPinyin(input, this.dictionary);
    const out: PinyinCandidate[] = [];
    const seen = new Set<string>();
    const add = (text: string, rest: string): void => {
      if (out.length >= MAX_CANDIDATES || seen.has(text)) return;
      seen.add(text);
      out.push({ text, rest });
    };
    const restAfter = (tokens: readonly PinyinToken[], count: number): string =>
      count >= tokens.length ? '' : input.slice(tokens[count - 1]?.end ?? 0).replace(/^[ ']+/, '');

    // Words covering the whole input first (from each reading of it), then a phrase built
    // of several words, then words covering the first syllables only.
    for (const tokens of segmentations) {
      for (const w of this.words(tokens, 0, tokens.length, 8)) add(w.text, '');
    }
    const [primary] = segmentations;
    if (primary && primary.length > 1) {
      const phrase = this.phrase(primary);
      if (phrase) {
        // The phrase goes first when no single word covers the whole input.
        const whole = out.length > 0;
        if (!seen.has(phrase)) {
          seen.add(phrase);
          if (whole) out.splice(1, 0, { text: phrase, rest: '' });
          else out.unshift({ text: phrase, rest: '' });
        }
      }
    }
    for (const tokens of segmentations) {
      for (const w of this.words(tokens, 0, tokens.length, MAX_CANDIDATES)) add(w.text, '');
    }
    if (primary) {
      for (let count = primary.length - 1; count >= 1; count -= 1) {
        for (const w of this.words(primary, 0, count, MAX_CANDIDATES)) add(w.text, restAfter(primary, count));
      }
    }
    return out;
  }

  /** Up to `limit` words matching tokens[from, from+count), most frequent first. */
  private words(tokens: readonly PinyinToken[], from: number, count: number, limit: number): PinyinWord[] {
    let key = '';
    for (let j = from; j < from + count; j += 1) key += tokens[j]?.text[0] ?? '';
    const list = this.dictionary.byInitials.get(key);
    if (!list) return [];
    const found: PinyinWord[] = [];
    const scan = Math.min(list.length, MAX_SCANNED);
    for (let i = 0; i < scan && found.length < limit; i += 1) {
      const word = list[i];
      if (word && matches(word, tokens, from)) found.push(word);
    }
    return found;
  }

  /** The cheapest way to cover all tokens with dictionary words (null when none does). */
  private phrase(tokens: readonly PinyinToken[]): string | null {
    const n = tokens.length;
    // best[i]: the cheapest text covering tokens[0, i).
    const best = new Map<number, { cost: number; text: string }>([[0, { cost: 0, text: '' }]]);
    for (let i = 0; i < n; i += 1) {
      const here = best.get(i);
      if (!here) continue;
      // Phrases are made of words of up to 4 syllables; longer words are found whole above.
      for (let len = 1; len <= Math.min(4, n - i); len += 1) {
        const [word] = this.words(tokens, i, len, 1);
        if (!word) continue;
        const cost = here.cost + wordCost(word);
        const there = best.get(i + len);
        if (!there || cost < there.cost) best.set(i + len, { cost, text: here.text + word.text });
      }
    }
    return best.get(n)?.text ?? null;
  }
}

/** One page of candidates: `page` counts from 0; a page past the end is empty. */
export function candidatePage<T>(candidates: readonly T[], page: number, pageSize: number): T[] {
  if (!Number.isInteger(page) || page < 0 || pageSize < 1) return [];
  return candidates.slice(page * pageSize, (page + 1) * pageSize);
}
