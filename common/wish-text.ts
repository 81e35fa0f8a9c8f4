/**
 * How a note's length is counted, the same in the composer's counter and in the service:
 * grapheme clusters, as a reader counts characters (an emoji family or a flag is one).
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

export function countCharacters(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}
