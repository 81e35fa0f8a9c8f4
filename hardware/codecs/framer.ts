/**
 * The shape every byte-stream codec shares. Framers are pure: the caller passes the time in,
 * so timing rules (a frame that stalls is `truncated`) are testable without timers.
 */

/** Why bytes were rejected. Each fault is reported once; the framer then resyncs by itself. */
export type FrameFaultReason = 'bad-checksum' | 'oversize' | 'truncated' | 'malformed';

export interface FrameFault {
  readonly type: 'fault';
  readonly reason: FrameFaultReason;
  /** Hex or text detail for logs and installers. */
  readonly detail: string;
}

/** A framer's output: its own frame type (tagged `type: 'frame'`) or a fault. */
export type FramerOutput<F extends { readonly type: 'frame' }> = F | FrameFault;

/**
 * Splits a byte stream into frames.
 *
 * Guarantees: never throws on any input; the same bytes give the same outputs however they
 * are split into chunks (given the same arrival times); bad input yields faults, never frames.
 */
export interface Framer<F extends { readonly type: 'frame' }> {
  /** Feed bytes that arrived at `nowMs` (milliseconds, any monotonic-enough clock). */
  push(chunk: Uint8Array, nowMs: number): FramerOutput<F>[];
  /**
   * Report what has stalled: a partial frame or pending garbage whose last byte is at least
   * the gap old at `nowMs`. Call it on a timer once `hasPending` is true.
   */
  flush(nowMs: number): FramerOutput<F>[];
  /** True while bytes are held that are not yet a frame or a fault. */
  readonly hasPending: boolean;
  /** Drops everything held, silently (e.g. after the device was closed). */
  reset(): void;
}

/** Default silence, in milliseconds, after which a started frame is `truncated`. */
export const DEFAULT_GAP_MS = 100;

export function fault(reason: FrameFaultReason, detail: string): FrameFault {
  return { type: 'fault', reason, detail };
}

/** Upper-case hex pairs separated by spaces, cut after `max` bytes with an ellipsis. */
export function toHex(bytes: ArrayLike<number>, max = 32): string {
  const parts: string[] = [];
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) parts.push((bytes[i] ?? 0).toString(16).toUpperCase().padStart(2, '0'));
  return parts.join(' ') + (bytes.length > max ? ' …' : '');
}

/** Parses `"02 0A FF"` / `"020aff"` into bytes; throws on odd length or non-hex (fixtures only). */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) throw new TypeError(`not hex: "${text}"`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function xorBytes(bytes: ArrayLike<number>, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i] ?? 0;
  return x;
}

export function checkGapMs(gapMs: number): number {
  if (!Number.isFinite(gapMs) || gapMs <= 0) throw new TypeError('"gapMs" must be a positive number of milliseconds');
  return gapMs;
}
