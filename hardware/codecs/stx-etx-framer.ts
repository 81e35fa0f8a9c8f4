import { fault, toHex, type FrameFault, type Framer, type FramerOutput } from './framer';

export const STX = 0x02;
export const ETX = 0x03;

/** What a protocol decides about the bytes of one frame so far (they start with STX). */
export type StxParseResult<F> =
  | { readonly kind: 'need-more' }
  | { readonly kind: 'frame'; readonly frame: F }
  /** The frame is whole but wrong (e.g. checksum): its bytes are consumed. */
  | { readonly kind: 'reject'; readonly fault: FrameFault }
  /** The bytes are not a frame: drop the STX and look for the next one in what followed. */
  | { readonly kind: 'resync'; readonly fault: FrameFault };

/** Most garbage bytes quoted in a `malformed` detail. */
const GARBAGE_QUOTE = 16;

/**
 * The STX … ETX machinery shared by the serial reader codecs: garbage outside frames is
 * reported once (as `malformed`, when the next STX or a silence ends it), a frame that stalls
 * for the gap is `truncated`, and after a bad frame the framer resyncs on the next STX.
 */
export class StxEtxFramer<F extends { readonly type: 'frame' }> implements Framer<F> {
  private frame: number[] = [];
  private garbage: number[] = [];
  private garbageCount = 0;
  /** After a fault, bytes up to the next STX belong to it and are not reported again. */
  private skipping = false;
  private lastByteMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly parse: (bytes: readonly number[]) => StxParseResult<F>,
    private readonly gapMs: number,
  ) {}

  get hasPending(): boolean {
    return this.frame.length > 0 || this.garbageCount > 0;
  }

  push(chunk: Uint8Array, nowMs: number): FramerOutput<F>[] {
    const out = this.flush(nowMs);
    this.feed(chunk, out);
    if (chunk.length > 0) this.lastByteMs = nowMs;
    return out;
  }

  flush(nowMs: number): FramerOutput<F>[] {
    if (!this.hasPending || nowMs - this.lastByteMs < this.gapMs) return [];
    const out: FramerOutput<F>[] = [];
    if (this.frame.length > 0) {
      out.push(fault('truncated', `frame stopped after ${this.frame.length} bytes: ${toHex(this.frame)}`));
    }
    this.reportGarbage(out);
    this.frame = [];
    this.skipping = false;
    return out;
  }

  reset(): void {
    this.frame = [];
    this.garbage = [];
    this.garbageCount = 0;
    this.skipping = false;
  }

  private feed(bytes: ArrayLike<number>, out: FramerOutput<F>[]): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      if (this.frame.length === 0) {
        if (b === STX) {
          this.reportGarbage(out);
          this.skipping = false;
          this.frame.push(b);
        } else if (!this.skipping) {
          this.garbageCount++;
          if (this.garbage.length < GARBAGE_QUOTE) this.garbage.push(b);
        }
        continue;
      }
      this.frame.push(b);
      const result = this.parse(this.frame);
      if (result.kind === 'need-more') continue;
      const held = this.frame;
      this.frame = [];
      if (result.kind === 'frame') {
        out.push(result.frame);
      } else {
        out.push(result.fault);
        if (result.kind === 'resync') {
          this.skipping = true;
          this.feed(held.slice(1), out);
        }
      }
    }
  }

  private reportGarbage(out: FramerOutput<F>[]): void {
    if (this.garbageCount === 0) return;
    const quoted = toHex(this.garbage, GARBAGE_QUOTE) + (this.garbageCount > this.garbage.length ? ' …' : '');
    out.push(fault('malformed', `${this.garbageCount} bytes outside a frame: ${quoted}`));
    this.garbage = [];
    this.garbageCount = 0;
  }
}
