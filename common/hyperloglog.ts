/**
 * HyperLogLog sketches of fleet pseudonyms, so the collector can count distinct workers
 * across stations without any card id leaving a station. A sketch is 2^12 = 4,096 one-byte
 * registers; merging is the register-wise maximum, so a worker seen at ten stations counts
 * once. Standard error of an estimate: 1.04 / √4096 ≈ 1.6 % (within ±4.9 % in 99.7 % of
 * cases), the same for one sketch and for any merge. Small counts use linear counting and are
 * near exact. Pure: no Node or browser APIs.
 */

/** Register index bits. */
export const HLL_PRECISION = 12;
/** Registers per sketch (4,096). */
export const HLL_REGISTERS = 1 << HLL_PRECISION;
/** Relative standard error of {@link estimateDistinct}: 1.04 / √m. */
export const HLL_STANDARD_ERROR = 1.04 / Math.sqrt(HLL_REGISTERS);
/** Length of {@link encodeSketch}'s base64 text. */
export const HLL_ENCODED_LENGTH = Math.ceil(HLL_REGISTERS / 3) * 4;

export type Sketch = Uint8Array;

export function emptySketch(): Sketch {
  return new Uint8Array(HLL_REGISTERS);
}

/**
 * Adds one element given as its uniform hash (at least 8 bytes, e.g. an HMAC-SHA256 fleet
 * pseudonym): the first 12 bits pick the register, the next 52 give the rank.
 */
export function addHash(sketch: Sketch, hash: Uint8Array): void {
  if (hash.length < 8) throw new RangeError('a sketch element needs a hash of at least 8 bytes');
  const hi = ((hash[0]! << 24) | (hash[1]! << 16) | (hash[2]! << 8) | hash[3]!) >>> 0;
  const lo = ((hash[4]! << 24) | (hash[5]! << 16) | (hash[6]! << 8) | hash[7]!) >>> 0;
  const index = hi >>> (32 - HLL_PRECISION);
  const rest = hi & ((1 << (32 - HLL_PRECISION)) - 1);
  // Rank = position of the first 1 bit in the remaining 52 bits (1-based); 53 when all are 0.
  const rank = rest !== 0 ? Math.clz32(rest) - HLL_PRECISION + 1 : lo !== 0 ? 32 - HLL_PRECISION + Math.clz32(lo) + 1 : 64 - HLL_PRECISION + 1;
  if (rank > sketch[index]!) sketch[index] = rank;
}

/** Register-wise maximum into `into`: the sketch of the union. */
export function mergeInto(into: Sketch, other: Sketch): void {
  for (let i = 0; i < HLL_REGISTERS; i++) if (other[i]! > into[i]!) into[i] = other[i]!;
}

/** The estimated number of distinct elements added (to this sketch or any merged in). */
export function estimateDistinct(sketch: Sketch): number {
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < HLL_REGISTERS; i++) {
    sum += 2 ** -sketch[i]!;
    if (sketch[i] === 0) zeros += 1;
  }
  const m = HLL_REGISTERS;
  const raw = ((0.7213 / (1 + 1.079 / m)) * m * m) / sum;
  // Few elements: most registers still empty, and counting them is the better estimate.
  if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros));
  return Math.round(raw);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of the registers ({@link HLL_ENCODED_LENGTH} characters). */
export function encodeSketch(sketch: Sketch): string {
  let out = '';
  for (let i = 0; i < sketch.length; i += 3) {
    const n = (sketch[i]! << 16) | ((sketch[i + 1] ?? 0) << 8) | (sketch[i + 2] ?? 0);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + (i + 1 < sketch.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < sketch.length ? B64[n & 63]! : '=');
  }
  return out;
}

/** The registers of {@link encodeSketch}'s text; undefined if it is not one (length, alphabet, a rank over 53). */
export function decodeSketch(text: string): Sketch | undefined {
  if (text.length !== HLL_ENCODED_LENGTH) return undefined;
  const sketch = emptySketch();
  for (let i = 0, o = 0; i < text.length; i += 4) {
    const digits = [0, 1, 2, 3].map((k) => (text[i + k] === '=' ? 0 : B64.indexOf(text[i + k]!)));
    if (digits.some((d) => d < 0)) return undefined;
    const n = (digits[0]! << 18) | (digits[1]! << 12) | (digits[2]! << 6) | digits[3]!;
    for (const byte of [n >> 16, (n >> 8) & 255, n & 255]) if (o < HLL_REGISTERS) sketch[o++] = byte;
  }
  return sketch.every((r) => r <= 64 - HLL_PRECISION + 1) ? sketch : undefined;
}
