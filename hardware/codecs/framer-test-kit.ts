import type { Framer, FramerOutput } from './framer';

/**
 * Helpers for codec tests: feed one stream in every way it might arrive and collect what
 * the framer says, so a test can assert that all the ways agree.
 */
type AnyFrame = { readonly type: 'frame' };

/** Feeds `chunks` at the same instant, then flushes well after the gap. */
export function feed<F extends AnyFrame>(framer: Framer<F>, chunks: readonly Uint8Array[], atMs = 0): FramerOutput<F>[] {
  const out: FramerOutput<F>[] = [];
  for (const chunk of chunks) out.push(...framer.push(chunk, atMs));
  out.push(...framer.flush(atMs + 10_000));
  return out;
}

/** Every two-chunk split of `bytes` (split at 0..length), then byte by byte. */
export function everySplit(bytes: Uint8Array): { label: string; chunks: Uint8Array[] }[] {
  const ways: { label: string; chunks: Uint8Array[] }[] = [];
  for (let at = 0; at <= bytes.length; at++) {
    ways.push({ label: `split at ${at}`, chunks: [bytes.subarray(0, at), bytes.subarray(at)] });
  }
  ways.push({ label: 'byte by byte', chunks: Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)) });
  return ways;
}

export function concat(...parts: ArrayLike<number>[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => Array.from(p)));
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text, (c) => c.charCodeAt(0) & 0xff));
}
