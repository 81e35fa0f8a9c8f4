import { DEFAULT_GAP_MS, checkGapMs, fault, toHex, xorBytes, type Framer } from './framer';
import { ETX, STX, StxEtxFramer, type StxParseResult } from './stx-etx-framer';

/**
 * Binary-frame card readers (125 kHz and 13.56 MHz), 9600 8N1:
 * `02 LEN TYPE SNR… BCC 03`. LEN counts the whole frame (STX to ETX); BCC is the XOR of the
 * bytes from LEN through the last SNR byte. TYPE `01` = Mifare Classic, `02` = EM4100.
 * Example: `02 0A 02 06 00 8E 6D 5D B0 03` is EM4100 card 06 008E6D5D.
 */
export interface BinaryCardFrame {
  readonly type: 'frame';
  /** Card technology byte as sent (`1` Mifare, `2` EM4100, others passed through). */
  readonly cardType: number;
  /** The serial number bytes as sent, most significant first. */
  readonly snr: Uint8Array;
}

/** Smallest frame: STX LEN TYPE one SNR byte BCC ETX. */
export const BINARY_MIN_LENGTH = 6;

export interface BinaryFramerOptions {
  /** Silence (ms) after which a started frame is `truncated`. Default 100. */
  readonly gapMs?: number;
  /** Largest LEN accepted, in bytes; longer is `oversize`. Default 32 (7- and 10-byte UIDs fit). */
  readonly maxLength?: number;
}

export function createBinaryCardFramer(options: BinaryFramerOptions = {}): Framer<BinaryCardFrame> {
  const maxLength = options.maxLength ?? 32;
  if (!Number.isInteger(maxLength) || maxLength < BINARY_MIN_LENGTH || maxLength > 255) {
    throw new TypeError(`"maxLength" must be an integer from ${BINARY_MIN_LENGTH} to 255`);
  }
  return new StxEtxFramer((bytes) => parseBinary(bytes, maxLength), checkGapMs(options.gapMs ?? DEFAULT_GAP_MS));
}

/** Encodes a valid frame. Throws `TypeError` on an empty SNR or one too long for LEN (simulators only). */
export function encodeBinaryCardFrame(cardType: number, snr: ArrayLike<number>): Uint8Array {
  const length = snr.length + 5;
  if (snr.length === 0 || length > 255) throw new TypeError(`SNR must be 1–250 bytes, got ${snr.length}`);
  const frame = Uint8Array.from([STX, length, cardType & 0xff, ...Array.from(snr, (b) => b & 0xff), 0, ETX]);
  frame[length - 2] = xorBytes(frame, 1, length - 2);
  return frame;
}

function parseBinary(bytes: readonly number[], maxLength: number): StxParseResult<BinaryCardFrame> {
  if (bytes.length < 2) return { kind: 'need-more' };
  const length = bytes[1] ?? 0;
  if (length > maxLength) {
    return { kind: 'resync', fault: fault('oversize', `LEN ${length} is over ${maxLength}: ${toHex(bytes)}`) };
  }
  if (length < BINARY_MIN_LENGTH) {
    return { kind: 'resync', fault: fault('malformed', `LEN ${length} is under ${BINARY_MIN_LENGTH}: ${toHex(bytes)}`) };
  }
  if (bytes.length < length) return { kind: 'need-more' };
  if (bytes[length - 1] !== ETX) {
    return { kind: 'resync', fault: fault('malformed', `no ETX at byte ${length}: ${toHex(bytes)}`) };
  }
  const sent = bytes[length - 2] ?? 0;
  const want = xorBytes(bytes, 1, length - 2);
  if (sent !== want) {
    return { kind: 'reject', fault: fault('bad-checksum', `BCC ${toHex([sent])} should be ${toHex([want])}: ${toHex(bytes)}`) };
  }
  return {
    kind: 'frame',
    frame: { type: 'frame', cardType: bytes[2] ?? 0, snr: Uint8Array.from(bytes.slice(3, length - 2)) },
  };
}
