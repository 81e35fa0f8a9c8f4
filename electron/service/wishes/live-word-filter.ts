/**
 * The word filter the wish service uses, replaceable while the station runs: the shipped
 * list until the district's list is pulled (kind `words`), then that list, from the next
 * note on. The district's list replaces the shipped one whole (blocked and allowed).
 */
import { createWordFilter, shippedWordList, type WordFilter, type WordList } from './word-filter';

export interface LiveWordFilter {
  /** Give this to the wish service: it always asks the list in force. */
  readonly filter: WordFilter;
  /** Puts `list` in force. */
  use(list: WordList): void;
}

export function createLiveWordFilter(initial: WordList = shippedWordList()): LiveWordFilter {
  let current = createWordFilter(initial);
  return {
    filter: { hits: (text) => current.hits(text) },
    use(list) {
      current = createWordFilter(list);
    },
  };
}
