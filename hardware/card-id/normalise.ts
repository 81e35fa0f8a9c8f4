import type { NormalisedCard } from './card-id';

/** Options for {@link normaliseCardText}. */
export interface NormaliseOptions {
  /**
   * Byte order of a reader that prints 8 hex digits: `'as-read'` (default, most significant
   * byte first) or `'reversed'` (反序: least significant first). Applies to 8-hex text only.
   */
  readonly byteOrder?: 'as-read' | 'reversed';
  /**
   * The text is known to be hex (a serial EM4100 or binary frame), so all-digit text is read
   * as hex rather than decimal. Default false.
   */
  readonly hex?: boolean;
}

const MAX_TOKEN = 64;

/**
 * Turns what a reader produced into the canonical card id (see README.md for the table).
 * Surrounding whitespace is ignored. Returns null for anything that is not a card; never
 * throws, whatever the input.
 */
export function normaliseCardText(text: string, options: NormaliseOptions = {}): NormalisedCard | null {
  if (typeof text !== 'string' || text.length > 4 * MAX_TOKEN) return null;
  const t = text.trim();
  const allDigits = /^\d+$/.test(t) && !options.hex;

  if (allDigits && t.length === 10 && Number(t) <= 0xffffffff) return uid32(Number(t));
  if (allDigits && t.length === 8 && Number(t) <= 0xffffff) return low24(Number(t));
  // Past those ranges digit-only text cannot be decimal, so it is read as hex below.
  if (/^[0-9A-Fa-f]{8}$/.test(t)) {
    const value = parseInt(t, 16);
    return uid32(options.byteOrder === 'reversed' ? reverse32(value) : value);
  }
  // EM4100: a version byte then the 4-byte tag id; the tag id is the card.
  if (/^[0-9A-Fa-f]{10}$/.test(t)) return uid32(parseInt(t.slice(2), 16));

  const pair = /^(\d{1,5}),(\d{1,5})$/.exec(t);
  if (pair) {
    const high = Number(pair[1]);
    const low = Number(pair[2]);
    if (low > 0xffff || high > 0xffff) return null;
    // W26 "fff,nnnnn" gives an 8-bit facility; "ddddd,nnnnn" the top 16 bits of the UID.
    return high <= 0xff ? low24(high * 0x10000 + low) : uid32(high * 0x10000 + low);
  }
  if (t.length >= 4 && t.length <= MAX_TOKEN && /^[A-Za-z0-9_\-:.]+$/.test(t)) {
    return { kind: 'token', canonical: `T:${t}` };
  }
  return null;
}

/** The canonical form of a full 32-bit UID (unsigned, 0 to 0xFFFFFFFF). */
export function uid32(value: number): NormalisedCard {
  const hex = (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return { kind: 'uid32', canonical: `U${hex}`, low24: `L${hex.slice(2)}` };
}

/** The canonical form when only the low 24 bits are known. */
export function low24(value: number): NormalisedCard {
  return { kind: 'low24', low24: `L${(value & 0xffffff).toString(16).toUpperCase().padStart(6, '0')}` };
}

/** The key to look a card up by: `canonical` for uid32/token, `low24` for low24 reads. */
export function cardKey(card: NormalisedCard): string {
  return card.kind === 'low24' ? card.low24 : card.canonical;
}

function reverse32(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
}
