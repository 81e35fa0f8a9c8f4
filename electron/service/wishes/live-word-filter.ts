/**
 * The word filter the wish service uses, replaceable while the station runs: the shipped
 * list until the district's list is pulled (kind `words`), then that list, from the next
 * note on. The district's list replaces the shipped one whole (blocked and allowed).
 *
 * Each list's matcher is built when a note is first checked against it, not when the station
 * starts or the list arrives: building one loads the Chinese conversion dictionaries and the
 * automaton (measured: about a tenth of the service's start-up CPU), which no screen before
 * the first wish needs.
 */
import { createWordFilter, shippedWordList, type WordFilter, type WordList } from './word-filter';

export interface LiveWordFilter {
  /** Give this to the wish service: it always asks the list in force. */
  readonly filter: WordFilter;
  /** Puts `list` in force. */
  use(list: WordList): void;
}

/** `build` makes a list's matcher; tests pass a counting one. */
export function createLiveWordFilter(initial?: WordList, build: (list: WordList) => WordFilter = createWordFilter): LiveWordFilter {
  let list: WordList | null = initial ?? null;
  let current: WordFilter | null = null;
  return {
    filter: { hits: (text) => (current ??= build(list ?? shippedWordList())).hits(text) },
    use(next) {
      list = next;
      current = null;
    },
  };
}
