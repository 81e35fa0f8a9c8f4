/**
 * Messages that set one part apart (`<num>{{number}}</num> 号柜门已打开`): the text split
 * into plain and marked parts. Only `<num>` is markup; every other character is text.
 */

/** One run of a message: plain, or inside `<num>…</num>`. */
export interface MarkedPart {
  readonly text: string;
  readonly marked: boolean;
}

const MARK = /<num>(.*?)<\/num>/gs;

/** `text` as its parts in order; empty runs are left out. */
export function markedParts(text: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let from = 0;
  for (const match of text.matchAll(MARK)) {
    if (match.index > from) parts.push({ text: text.slice(from, match.index), marked: false });
    parts.push({ text: match[1] ?? '', marked: true });
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), marked: false });
  return parts;
}
