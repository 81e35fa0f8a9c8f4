import { fault, toHex, type FrameFault, type Framer, type FramerOutput } from '../../codecs/framer';

/** What a protocol decides about the bytes of one candidate frame so far. */
export type ParseStep<F> =
  /** Not complete yet. `stalled` is reported if the bytes stop here (default: `truncated`). */
  | { readonly kind: 'need-more'; readonly stalled?: FrameFault }
  | { readonly kind: 'frame'; readonly frame: F }
  /** A whole frame that is wrong in a way that proves it was one (e.g. oversize): consumed. */
  | { readonly kind: 'reject'; readonly fault: FrameFault }
  /** Not a frame after all: drop the start byte and search again in what followed. */
  | { readonly kind: 'resync'; readonly fault: FrameFault };

/** Most garbage bytes quoted in a `malformed` detail. */
const GARBAGE_QUOTE = 16;

/**
 * Framing for binary protocols whose frames begin with one of a few known bytes and whose
 * length follows from their first bytes (locker boards). Bytes outside a frame are reported
 * once as `malformed`; a candidate that stalls for the gap is reported (`truncated` unless
 * the parser says otherwise); after a bad or stalled candidate the bytes after its start
 * byte are searched again, so a real frame hidden behind a false start is never lost.
 */
export abstract class StartByteFramer<F extends { readonly type: 'frame' }> implements Framer<F> {
  private frame: number[] = [];
  private stalled: FrameFault | undefined;
  private garbage: number[] = [];
  private garbageCount = 0;
  /** After a fault, bytes up to the next start byte belong to it and are not reported again. */
  private skipping = false;
  private lastByteMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly gapMs: number) {}

  /** May `b` begin a frame now? */
  protected abstract isStart(b: number): boolean;
  /** Judges the candidate so far; called once per byte, `bytes[0]` is a start byte. */
  protected abstract parse(bytes: readonly number[]): ParseStep<F>;

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
    // A stalled candidate may hide a real frame behind its start byte: search it again.
    while (this.frame.length > 0) {
      const held = this.frame;
      out.push(this.stalled ?? fault('truncated', `frame stopped after ${held.length} bytes: ${toHex(held)}`));
      this.frame = [];
      this.stalled = undefined;
      this.skipping = true;
      this.feed(held.slice(1), out);
    }
    this.reportGarbage(out);
    this.skipping = false;
    return out;
  }

  reset(): void {
    this.frame = [];
    this.stalled = undefined;
    this.garbage = [];
    this.garbageCount = 0;
    this.skipping = false;
  }

  private feed(bytes: ArrayLike<number>, out: FramerOutput<F>[]): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      if (this.frame.length === 0 && !this.isStart(b)) {
        if (!this.skipping) {
          this.garbageCount++;
          if (this.garbage.length < GARBAGE_QUOTE) this.garbage.push(b);
        }
        continue;
      }
      if (this.frame.length === 0) {
        this.reportGarbage(out);
        this.skipping = false;
      }
      this.frame.push(b);
      const step = this.parse(this.frame);
      if (step.kind === 'need-more') {
        this.stalled = step.stalled;
        continue;
      }
      const held = this.frame;
      this.frame = [];
      this.stalled = undefined;
      if (step.kind === 'frame') {
        out.push(step.frame);
        continue;
      }
      out.push(step.fault);
      this.skipping = true;
      if (step.kind === 'resync') this.feed(held.slice(1), out);
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

/** A frame of known length that ends `… trailer checksum`. */
export interface TrailedShape {
  /** Whole frame, bytes, trailer included. */
  readonly length: number;
  /** The byte just before the checksum (`33` for 8A/80 status, ETX for CU16). */
  readonly trailer: number;
  /** Longest frame the protocol has: a trailer found late, up to here, means `oversize`. */
  readonly maxLength: number;
  /** Checksum of `bytes[0..end)`. */
  readonly checksum: (bytes: readonly number[], end: number) => number;
  /** Names the frame in fault details, e.g. `board 1 status (16 channels)`. */
  readonly what: string;
}

/**
 * Checks a trailed frame as its bytes arrive. Returns `undefined` once the frame is whole,
 * in place and its checksum good; otherwise the step to take. When the trailer is not where
 * it belongs, later bytes are watched for a trailer and a good checksum, which means the
 * device sent a longer frame than configured (`oversize`, e.g. a channel count set too low).
 */
export function checkTrailed(bytes: readonly number[], shape: TrailedShape): ParseStep<never> | undefined {
  const n = bytes.length;
  if (n < shape.length) return { kind: 'need-more' };
  const misplaced = fault('malformed', `${shape.what}: no ${toHex([shape.trailer])} at byte ${shape.length - 1}: ${toHex(bytes)}`);
  if (n === shape.length && bytes[n - 2] === shape.trailer) {
    const sent = bytes[n - 1] ?? 0;
    const want = shape.checksum(bytes, n - 1);
    if (sent === want) return undefined;
    return { kind: 'resync', fault: fault('bad-checksum', `${shape.what}: checksum ${toHex([sent])} should be ${toHex([want])}: ${toHex(bytes)}`) };
  }
  if (n > shape.length && bytes[n - 2] === shape.trailer && bytes[n - 1] === shape.checksum(bytes, n - 1)) {
    return { kind: 'reject', fault: fault('oversize', `${shape.what}: ${n} bytes where ${shape.length} were expected: ${toHex(bytes)}`) };
  }
  if (n >= shape.maxLength) return { kind: 'resync', fault: misplaced };
  return { kind: 'need-more', stalled: misplaced };
}
