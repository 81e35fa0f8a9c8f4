import { DEFAULT_GAP_MS, checkGapMs, fault, toHex, type Framer, type FramerOutput } from './framer';

/**
 * QR / barcode scanners in virtual-COM mode: one printable ASCII line per scan, ended by CR,
 * LF or CRLF. Empty lines are ignored. A line with any byte outside 0x20–0x7E is `malformed`;
 * a line over `maxLength` is `oversize` (reported once, at its end); a line that stalls for the
 * gap without its terminator is `truncated`.
 */
export interface LineFrame {
  readonly type: 'frame';
  /** The line without its terminator, exactly as sent. */
  readonly text: string;
}

export interface LineFramerOptions {
  /** Silence (ms) after which a started line is `truncated`. Default 100. */
  readonly gapMs?: number;
  /** Longest accepted line, in characters. Default 256. */
  readonly maxLength?: number;
}

const CR = 0x0d;
const LF = 0x0a;

export function createLineFramer(options: LineFramerOptions = {}): Framer<LineFrame> {
  const maxLength = options.maxLength ?? 256;
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new TypeError('"maxLength" must be a positive integer');
  return new LineFramer(checkGapMs(options.gapMs ?? DEFAULT_GAP_MS), maxLength);
}

/** Encodes a line with a CR suffix (the scanner setting we ask installers for). */
export function encodeLine(text: string, terminator: '\r' | '\r\n' = '\r'): Uint8Array {
  return Uint8Array.from(Array.from(text + terminator, (c) => c.charCodeAt(0) & 0xff));
}

class LineFramer implements Framer<LineFrame> {
  private bytes: number[] = [];
  private count = 0;
  private unprintable = false;
  private afterCr = false;
  private lastByteMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly gapMs: number,
    private readonly maxLength: number,
  ) {}

  get hasPending(): boolean {
    return this.count > 0;
  }

  push(chunk: Uint8Array, nowMs: number): FramerOutput<LineFrame>[] {
    const out = this.flush(nowMs);
    for (const b of chunk) this.take(b, out);
    if (chunk.length > 0) this.lastByteMs = nowMs;
    return out;
  }

  flush(nowMs: number): FramerOutput<LineFrame>[] {
    if (!this.hasPending || nowMs - this.lastByteMs < this.gapMs) return [];
    const out: FramerOutput<LineFrame>[] = [];
    const problem = this.problem();
    out.push(problem ?? fault('truncated', `line stopped without CR after ${this.count} bytes: ${toHex(this.bytes)}`));
    this.reset();
    return out;
  }

  reset(): void {
    this.bytes = [];
    this.count = 0;
    this.unprintable = false;
    this.afterCr = false;
  }

  private take(b: number, out: FramerOutput<LineFrame>[]): void {
    // CRLF is one terminator: the LF right after a CR ends nothing.
    const swallow = b === LF && this.afterCr;
    this.afterCr = b === CR;
    if (swallow) return;
    if (b === CR || b === LF) {
      if (this.count > 0) out.push(this.problem() ?? { type: 'frame', text: String.fromCharCode(...this.bytes) });
      this.bytes = [];
      this.count = 0;
      this.unprintable = false;
      return;
    }
    this.count++;
    if (b < 0x20 || b > 0x7e) this.unprintable = true;
    if (this.bytes.length < this.maxLength) this.bytes.push(b);
  }

  private problem(): FramerOutput<LineFrame> | undefined {
    if (this.count > this.maxLength) return fault('oversize', `line of ${this.count} bytes is over ${this.maxLength}: ${toHex(this.bytes)}`);
    if (this.unprintable) return fault('malformed', `unprintable bytes in line: ${toHex(this.bytes)}`);
    return undefined;
  }
}
