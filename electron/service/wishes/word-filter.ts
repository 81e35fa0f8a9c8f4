/**
 * The sensitive-word filter: an Aho–Corasick automaton (modern-ahocorasick) over the
 * normalised text (see `filter-normalise.ts`). The allow-list wins: an allowed word is never
 * a hit, and a hit inside an allowed word is not one either, so a list copied from elsewhere
 * cannot block what riders say every day (兼职, 客服, 外卖, 差评).
 */
import AhoCorasick from 'modern-ahocorasick';
import { normaliseForFilter } from './filter-normalise';
import defaultWordList from '../../../resources/wishes/word-list.json';

/** A word list: what is held for a steward, and what is never held. */
export interface WordList {
  /** Entries are normalised like the text before matching; blanks are ignored. */
  readonly blocked: readonly string[];
  readonly allowed: readonly string[];
}

export interface WordFilter {
  /** The blocked entries (normalised) found in `text`, each once, in order of first match; empty when clean. */
  hits(text: string): string[];
}

/** The list shipped in `resources/wishes/word-list.json` (replaceable from upstream later). */
export function shippedWordList(): WordList {
  return defaultWordList;
}

export function createWordFilter(list: WordList): WordFilter {
  const prepare = (words: readonly string[]) => [...new Set(words.map(normaliseForFilter).filter((w) => w.length > 0))];
  const allowed = prepare(list.allowed);
  const allowedSet = new Set(allowed);
  const blocked = prepare(list.blocked).filter((w) => !allowedSet.has(w));
  const blockMatcher = blocked.length > 0 ? new AhoCorasick(blocked) : null;
  const allowMatcher = allowed.length > 0 ? new AhoCorasick(allowed) : null;
  return {
    hits(text) {
      if (!blockMatcher) return [];
      const normal = normaliseForFilter(text);
      const found = blockMatcher.search(normal);
      if (found.length === 0) return [];
      const allowedRanges = allowMatcher?.search(normal) ?? [];
      const hits = new Set<string>();
      for (const hit of found) {
        const covered = allowedRanges.some((a) => a.start <= hit.start && a.end >= hit.end);
        if (!covered) hits.add(hit.pattern);
      }
      return [...hits];
    },
  };
}
