/**
 * ESC/POS decoder for the commands `escpos.ts` emits (and the real-time status request), for
 * the printer simulator and tests. Pure. Strict: a byte sequence outside that set is an
 * error naming its offset, never guessed at, so a test catches any stray byte the station sends.
 */
import iconv from 'iconv-lite';
import { DLE, EOT, ESC, FS, GS, LF, isGbkPair, type Alignment, type QrErrorLevel } from './escpos';

export type EscPosCommand =
  | { readonly op: 'init' }
  | { readonly op: 'align'; readonly align: Alignment }
  | { readonly op: 'bold'; readonly on: boolean }
  /** `GS ! n`: width and height multipliers, 1–8 each. */
  | { readonly op: 'size'; readonly width: number; readonly height: number }
  /** A run of printable ASCII (and, in Chinese mode, GBK characters), up to the next command. */
  | { readonly op: 'text'; readonly text: string }
  | { readonly op: 'line-feed' }
  /** `FS &` (on) / `FS .` (off): GBK double-byte characters are read while on. */
  | { readonly op: 'chinese-mode'; readonly on: boolean }
  | { readonly op: 'feed'; readonly lines: number }
  /** `GS V 66 n`: feed `n` dots past the cut position, then cut. */
  | { readonly op: 'cut'; readonly feedDots: number }
  | { readonly op: 'qr-model'; readonly model: 1 | 2 }
  | { readonly op: 'qr-module-size'; readonly size: number }
  | { readonly op: 'qr-error-level'; readonly level: QrErrorLevel }
  | { readonly op: 'qr-store'; readonly data: string }
  | { readonly op: 'qr-print' }
  /** `DLE EOT n`. */
  | { readonly op: 'status-request'; readonly which: 1 | 2 | 3 | 4 };

export type EscPosParseError = {
  readonly code: 'truncated' | 'unknown-command';
  /** Offset of the command's first byte in the stream. */
  readonly offset: number;
  readonly message: string;
};

export type EscPosParseResult =
  | { readonly ok: true; readonly value: readonly EscPosCommand[] }
  | { readonly ok: false; readonly code: EscPosParseError['code']; readonly offset: number; readonly message: string };

const ALIGNMENTS: readonly Alignment[] = ['left', 'center', 'right'];
const QR_LEVELS: Record<number, QrErrorLevel> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

type Step =
  | { readonly kind: 'command'; readonly command: EscPosCommand; readonly length: number }
  | { readonly kind: 'need-more' }
  | { readonly kind: 'unknown'; readonly what: string };

const hex = (b: number): string => b.toString(16).padStart(2, '0').toUpperCase();
const isPrintable = (b: number): boolean => b >= 0x20 && b <= 0x7e;

/** Decodes the command at `at`; text runs are handled by the caller. */
function step(bytes: Uint8Array, at: number): Step {
  const need = (n: number): boolean => at + n <= bytes.length;
  const b0 = bytes[at]!;
  if (b0 === LF) return { kind: 'command', command: { op: 'line-feed' }, length: 1 };
  if (b0 !== ESC && b0 !== GS && b0 !== DLE && b0 !== FS) return { kind: 'unknown', what: hex(b0) };
  if (!need(2)) return { kind: 'need-more' };
  const b1 = bytes[at + 1]!;
  if (b0 === FS && (b1 === 0x26 || b1 === 0x2e)) return { kind: 'command', command: { op: 'chinese-mode', on: b1 === 0x26 }, length: 2 };
  if (b0 === FS) return { kind: 'unknown', what: `${hex(b0)} ${hex(b1)}` };
  const command = (c: EscPosCommand, length: number): Step => (need(length) ? { kind: 'command', command: c, length } : { kind: 'need-more' });
  if (b0 === ESC && b1 === 0x40) return command({ op: 'init' }, 2);
  if (!need(3)) return { kind: 'need-more' };
  const n = bytes[at + 2]!;
  if (b0 === ESC && b1 === 0x61 && n <= 2) return command({ op: 'align', align: ALIGNMENTS[n]! }, 3);
  if (b0 === ESC && b1 === 0x45 && n <= 1) return command({ op: 'bold', on: n === 1 }, 3);
  if (b0 === ESC && b1 === 0x64) return command({ op: 'feed', lines: n }, 3);
  if (b0 === GS && b1 === 0x21 && (n >> 4) <= 7 && (n & 0x0f) <= 7) return command({ op: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 }, 3);
  if (b0 === DLE && b1 === EOT && n >= 1 && n <= 4) return command({ op: 'status-request', which: n as 1 | 2 | 3 | 4 }, 3);
  if (b0 === GS && b1 === 0x56 && n === 66) return need(4) ? command({ op: 'cut', feedDots: bytes[at + 3]! }, 4) : { kind: 'need-more' };
  if (b0 === GS && b1 === 0x28 && n === 0x6b) return qrStep(bytes, at);
  return { kind: 'unknown', what: Array.from(bytes.subarray(at, Math.min(at + 3, bytes.length)), hex).join(' ') };
}

/** `GS ( k pL pH cn fn …`: only cn = 49 (QR) and the five functions the encoder uses. */
function qrStep(bytes: Uint8Array, at: number): Step {
  if (at + 7 > bytes.length) return { kind: 'need-more' };
  const length = bytes[at + 3]! | (bytes[at + 4]! << 8);
  const total = 5 + length;
  const cn = bytes[at + 5]!;
  const fn = bytes[at + 6]!;
  const what = `GS ( k cn=${cn} fn=${fn} with ${length} parameter bytes`;
  if (cn !== 49 || length < 2) return { kind: 'unknown', what };
  if (at + total > bytes.length) return { kind: 'need-more' };
  const params = bytes.subarray(at + 7, at + total);
  const done = (command: EscPosCommand): Step => ({ kind: 'command', command, length: total });
  if (fn === 65 && params.length === 2 && (params[0] === 49 || params[0] === 50) && params[1] === 0) return done({ op: 'qr-model', model: params[0] === 49 ? 1 : 2 });
  if (fn === 67 && params.length === 1 && params[0]! >= 1 && params[0]! <= 16) return done({ op: 'qr-module-size', size: params[0]! });
  if (fn === 69 && params.length === 1 && QR_LEVELS[params[0]!]) return done({ op: 'qr-error-level', level: QR_LEVELS[params[0]!]! });
  if (fn === 80 && params.length >= 2 && params[0] === 48 && params.subarray(1).every(isPrintable)) {
    return done({ op: 'qr-store', data: String.fromCharCode(...params.subarray(1)) });
  }
  if (fn === 81 && params.length === 1 && params[0] === 48) return done({ op: 'qr-print' });
  return { kind: 'unknown', what };
}

export type EscPosStreamOutput =
  | { readonly type: 'command'; readonly command: EscPosCommand }
  | { readonly type: 'error'; readonly error: EscPosParseError };

/**
 * Decodes a byte stream delivered in arbitrary chunks. A command split across chunks is held
 * until complete, and a text run until the byte after it, so the commands do not depend on
 * where the stream was cut. On an unknown sequence it reports an error and skips one byte,
 * as a printer resynchronises on the next command it knows.
 */
export class EscPosStreamParser {
  private buffer = new Uint8Array(0);
  /** Stream offset of `buffer[0]`. */
  private base = 0;
  /** In Chinese mode (after `FS &`); `buffer` always starts in this mode. */
  private chinese = false;

  /** End of the text run starting at `at`, or 'need-more' when a GBK pair is cut short. */
  private textEnd(bytes: Uint8Array, at: number): number | 'need-more' {
    let end = at;
    while (end < bytes.length) {
      const b = bytes[end]!;
      if (isPrintable(b)) end += 1;
      else if (this.chinese && b >= 0x81 && b <= 0xfe) {
        if (end + 1 === bytes.length) return 'need-more';
        if (!isGbkPair(b, bytes[end + 1]!)) break;
        end += 2;
      } else break;
    }
    return end;
  }

  push(chunk: Uint8Array): EscPosStreamOutput[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const out: EscPosStreamOutput[] = [];
    let at = 0;
    while (at < joined.length) {
      const end = this.textEnd(joined, at);
      if (end === 'need-more' || end === joined.length) break; // the run may go on in the next chunk
      if (end > at) {
        out.push({ type: 'command', command: { op: 'text', text: decodeText(joined.subarray(at, end)) } });
        at = end;
        continue;
      }
      const next = step(joined, at);
      if (next.kind === 'need-more') break;
      if (next.kind === 'unknown') {
        out.push({ type: 'error', error: { code: 'unknown-command', offset: this.base + at, message: `unknown ESC/POS sequence at byte ${this.base + at}: ${next.what}` } });
        at += 1;
        continue;
      }
      if (next.command.op === 'chinese-mode') this.chinese = next.command.on;
      out.push({ type: 'command', command: next.command });
      at += next.length;
    }
    this.buffer = joined.slice(at);
    this.base += at;
    return out;
  }

  /** Bytes held waiting for the rest of a command or text run. */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  /**
   * Ends the stream: a held text run becomes a command; a held partial command is a
   * `truncated` error. The parser is then empty, at the same stream offset.
   */
  end(): EscPosStreamOutput[] {
    const held = this.buffer;
    const offset = this.base;
    this.buffer = new Uint8Array(0);
    this.base += held.length;
    if (held.length === 0) return [];
    const end = this.textEnd(held, 0);
    if (end === held.length) return [{ type: 'command', command: { op: 'text', text: decodeText(held) } }];
    // What is held is a text run cut short in a GBK pair, or a command cut short.
    const first = end === 'need-more' ? held.length - 1 : end;
    const out: EscPosStreamOutput[] = first > 0 ? [{ type: 'command', command: { op: 'text', text: decodeText(held.subarray(0, first)) } }] : [];
    out.push({ type: 'error', error: { code: 'truncated', offset: offset + first, message: `truncated ESC/POS command at byte ${offset + first}: ${Array.from(held.subarray(first), hex).join(' ')}` } });
    return out;
  }
}

/** Text bytes as read in either mode; ASCII is the same in GB18030. */
function decodeText(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gb18030');
}

/** Decodes a complete byte string; the first error (unknown or truncated) fails it. */
export function parseEscPos(bytes: Uint8Array): EscPosParseResult {
  const parser = new EscPosStreamParser();
  const commands: EscPosCommand[] = [];
  for (const output of [...parser.push(bytes), ...parser.end()]) {
    if (output.type === 'error') return { ok: false, ...output.error };
    commands.push(output.command);
  }
  return { ok: true, value: commands };
}
