/**
 * How a note's length is counted, the same in the composer (its counter, its cap, its caret)
 * and in the service: grapheme clusters, as a reader counts characters (an emoji family or a
 * flag is one). Pure; `Intl.Segmenter` exists in Node 20 and in every kiosk browser.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Length in grapheme clusters. */
export function countCharacters(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}

/** The text cut into grapheme clusters, in order (joined, they give the text back). */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) out.push(segment);
  return out;
}
