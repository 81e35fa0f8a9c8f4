import { normaliseCardText } from '../card-id/normalise';
import { encodeBinaryCardFrame } from '../codecs/binary-card-frame';
import { encodeEm4100 } from '../codecs/em4100-ascii';
import { encodeLine } from '../codecs/line-framer';
import { systemClock, type Clock } from '../drivers/clock';
import type { Transport } from '../transport/transport';

/** Wire format the simulated reader speaks. */
export type SimulatedCardFormat = 'em4100' | 'binary' | 'qr';

/** A fault to inject into one tap. */
export type TapFault =
  /** Corrupt the checksum (EM4100 / binary only). */
  | { readonly kind: 'bad-checksum' }
  /** Send only the first `bytes` of the frame (default: half). */
  | { readonly kind: 'truncated'; readonly bytes?: number }
  /** Send one byte at a time, `interByteMs` apart. */
  | { readonly kind: 'slow'; readonly interByteMs: number };

export interface CardReaderSimulatorOptions {
  readonly clock?: Clock;
  /** Random source in [0, 1) for garbage. Default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Plays the reader's side of a transport: writes the bytes a real reader would send when a
 * card is tapped, optionally broken in the ways real readers and cables break them.
 */
export class CardReaderSimulator {
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(
    private current: Transport,
    options: CardReaderSimulatorOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
  }

  /** The transport taps are written to. */
  get transport(): Transport {
    return this.current;
  }

  /** Writes to another transport from now on (e.g. a new pty pair after the old one died). */
  attach(transport: Transport): void {
    this.current = transport;
  }

  /**
   * Sends a tap of `cardText` (any format `normaliseCardText` reads as a full UID — decimal,
   * 8 or 10 hex, `ddddd,nnnnn` — or, for `qr`, any text) and resolves with the bytes sent.
   * Throws `TypeError` when the card cannot be written in that format.
   */
  async tap(cardText: string, format: SimulatedCardFormat, fault?: TapFault): Promise<Uint8Array> {
    let bytes = encodeTap(cardText, format);
    if (fault?.kind === 'bad-checksum') bytes = corruptChecksum(bytes, format);
    if (fault?.kind === 'truncated') bytes = bytes.slice(0, fault.bytes ?? Math.floor(bytes.length / 2));
    if (fault?.kind === 'slow') await this.writeSlowly(bytes, fault.interByteMs);
    else await this.transport.write(bytes);
    return bytes;
  }

  /**
   * Sends `count` random bytes from 0x80–0xFF: never STX, CR or LF, so each burst is exactly
   * one fault for any reader codec. Resolves with the bytes sent.
   */
  async garbage(count = 16): Promise<Uint8Array> {
    const bytes = Uint8Array.from({ length: count }, () => 0x80 + Math.floor(this.random() * 0x80));
    await this.transport.write(bytes);
    return bytes;
  }

  private async writeSlowly(bytes: Uint8Array, interByteMs: number): Promise<void> {
    for (let i = 0; i < bytes.length; i++) {
      if (i > 0) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, interByteMs));
      await this.transport.write(bytes.subarray(i, i + 1));
    }
  }
}

/** The bytes a reader of `format` sends for `cardText`. Throws `TypeError` when impossible. */
export function encodeTap(cardText: string, format: SimulatedCardFormat): Uint8Array {
  if (format === 'qr') return encodeLine(cardText.trim());
  const text = cardText.trim();
  // 10 hex digits keep their version byte; every other UID rendering gets version 00.
  const em4100 = /^[0-9A-Fa-f]{10}$/.test(text) && /[A-Fa-f]/.test(text) ? text.toUpperCase() : undefined;
  const card = normaliseCardText(text);
  if (!em4100 && card?.kind !== 'uid32') throw new TypeError(`"${cardText}" is not a full card UID`);
  const hex = em4100 ?? `00${card?.kind === 'uid32' ? card.canonical.slice(1) : ''}`;
  if (format === 'em4100') return encodeEm4100(hex);
  const bytes = Array.from({ length: 5 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  // Mifare readers send the 4-byte UID; EM4100 readers the version byte too.
  return em4100 ? encodeBinaryCardFrame(0x02, bytes) : encodeBinaryCardFrame(0x01, bytes.slice(1));
}

function corruptChecksum(bytes: Uint8Array, format: SimulatedCardFormat): Uint8Array {
  const out = Uint8Array.from(bytes);
  if (format === 'em4100') {
    // The checksum's low digit: swap between '0' and '1' etc. while staying valid hex.
    out[12] = (out[12] ?? 0x30) === 0x30 ? 0x31 : 0x30;
  } else if (format === 'binary') {
    out[out.length - 2] = (out[out.length - 2] ?? 0) ^ 0xff;
  } else {
    throw new TypeError('QR lines carry no checksum');
  }
  return out;
}
