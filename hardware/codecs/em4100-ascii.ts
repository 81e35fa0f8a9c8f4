import { DEFAULT_GAP_MS, checkGapMs, fault, toHex, type Framer } from './framer';
import { ETX, STX, StxEtxFramer, type StxParseResult } from './stx-etx-framer';

/**
 * EM4100 125 kHz readers (RDM6300 type), 9600 8N1. One 14-byte frame per read:
 * `02`, 10 ASCII hex (version byte + 4 tag bytes), 2 ASCII hex (XOR of those 5 bytes), `03`.
 * Example: `02 "307E4DE5C2" "24" 03`.
 */
export interface Em4100Frame {
  readonly type: 'frame';
  /** The 10 hex digits, upper case, e.g. `307E4DE5C2`. */
  readonly text: string;
}

export const EM4100_FRAME_LENGTH = 14;
const DIGITS = 10;

export interface Em4100FramerOptions {
  /** Silence (ms) after which a started frame is `truncated`. Default 100. */
  readonly gapMs?: number;
}

export function createEm4100Framer(options: Em4100FramerOptions = {}): Framer<Em4100Frame> {
  return new StxEtxFramer(parseEm4100, checkGapMs(options.gapMs ?? DEFAULT_GAP_MS));
}

/** Encodes 10 hex digits as a valid frame. Throws `TypeError` on anything else (simulators only). */
export function encodeEm4100(text: string): Uint8Array {
  if (!/^[0-9a-fA-F]{10}$/.test(text)) throw new TypeError(`EM4100 needs 10 hex digits, got "${text}"`);
  const upper = text.toUpperCase();
  const sum = em4100Checksum(upper).toString(16).toUpperCase().padStart(2, '0');
  return Uint8Array.from([STX, ...ascii(upper + sum), ETX]);
}

/** XOR of the five data bytes written as 10 hex digits. */
export function em4100Checksum(text: string): number {
  let x = 0;
  for (let i = 0; i < DIGITS; i += 2) x ^= parseInt(text.slice(i, i + 2), 16);
  return x;
}

function parseEm4100(bytes: readonly number[]): StxParseResult<Em4100Frame> {
  const position = bytes.length - 1;
  const b = bytes[position] ?? 0;
  if (position <= DIGITS + 2) {
    if (isHex(b)) return { kind: 'need-more' };
    if (b === STX) return { kind: 'resync', fault: fault('truncated', `new frame began after ${position - 1} digits: ${toHex(bytes)}`) };
    if (b === ETX) return { kind: 'reject', fault: fault('malformed', `frame ended after ${position - 1} of 12 digits: ${toHex(bytes)}`) };
    return { kind: 'resync', fault: fault('malformed', `non-hex byte in frame: ${toHex(bytes)}`) };
  }
  if (b === ETX) return checked(bytes);
  if (isHex(b)) return { kind: 'resync', fault: fault('oversize', `more than 12 digits before ETX: ${toHex(bytes)}`) };
  return { kind: 'resync', fault: fault('malformed', `expected ETX at byte 14: ${toHex(bytes)}`) };
}

function checked(bytes: readonly number[]): StxParseResult<Em4100Frame> {
  const text = String.fromCharCode(...bytes.slice(1, 1 + DIGITS)).toUpperCase();
  const sent = parseInt(String.fromCharCode(...bytes.slice(1 + DIGITS, 3 + DIGITS)), 16);
  const want = em4100Checksum(text);
  if (sent !== want) {
    return { kind: 'reject', fault: fault('bad-checksum', `checksum ${hex2(sent)} should be ${hex2(want)}: ${toHex(bytes)}`) };
  }
  return { kind: 'frame', frame: { type: 'frame', text } };
}

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}
