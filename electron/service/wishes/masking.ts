/**
 * Masks personal data in a note before it is shown or sent anywhere: mainland mobile
 * numbers, resident ID-card numbers (only where the ISO 7064 MOD 11-2 check digit is valid,
 * so an order number is left alone) and licence plates — also when written with full-width
 * digits and letters, or with spaces, dashes or dots between the digits. The unmasked text
 * stays in the station database only.
 */

/** Replaces the matched ranges of `text`; the rest of the note is kept exactly. */
export function maskPersonalData(text: string): string {
  // One UTF-16 unit in, one out: offsets in `plain` are offsets in `text`.
  const plain = text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000\uFF0D\uFF0E\u30FB]/g, toHalfWidth);
  const ranges: { start: number; end: number; masked: string }[] = [];
  const take = (pattern: RegExp, mask: (digits: string) => string | null) => {
    for (const m of plain.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (ranges.some((r) => start < r.end && end > r.start)) continue;
      const masked = mask(m[0].replace(/[\s\-.·]/g, '').toUpperCase());
      if (masked !== null) ranges.push({ start, end, masked });
    }
  };
  take(ID_CARD, (id) => (idCheckDigitValid(id) ? `${id.slice(0, 3)}${'*'.repeat(13)}${id.slice(16)}` : null));
  take(MOBILE, (digits) => {
    const local = digits.slice(-11);
    return `${local.slice(0, 3)}****${local.slice(7)}`;
  });
  take(PLATE, (plate) => `${plate.slice(0, 2)}${'*'.repeat(plate.length - 3)}${plate.slice(-1)}`);
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.start) + r.masked;
    at = r.end;
  }
  return out + text.slice(at);
}

// One optional separator between digits: space, dash, dot (full-width ones are folded first).
const S = '[ \\-.]?';
// Not part of a longer number (even one with separators), nor glued to a word.
const NOT_AFTER_DIGIT = `(?<![0-9]${S})(?<![A-Za-z])`;
const NOT_BEFORE_DIGIT = `(?!${S}[0-9])(?![A-Za-z])`;
const ID_CARD = new RegExp(`${NOT_AFTER_DIGIT}[1-9](?:${S}[0-9]){16}${S}[0-9Xx]${NOT_BEFORE_DIGIT}`, 'g');
const MOBILE = new RegExp(`${NOT_AFTER_DIGIT}(?:\\+?86${S})?1${S}[3-9](?:${S}[0-9]){9}${NOT_BEFORE_DIGIT}`, 'g');
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// Province, issuing-office letter, an optional dot, then 5 (or 6 for new-energy) letters and digits with at least one digit.
const PLATE = new RegExp(`[${PROVINCES}][A-Za-z][ ·.]?(?=[A-Za-z0-9]{0,5}[0-9])[A-Za-z0-9]{5,6}(?![A-Za-z0-9])`, 'g');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643: the 18th character is the MOD 11-2 check of the first 17 digits. */
export function idCheckDigitValid(id: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === id[17];
}

function toHalfWidth(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\u3000') return ' ';
  if (c === '\u30FB') return '·';
  return String.fromCharCode(code - 0xfee0);
}
