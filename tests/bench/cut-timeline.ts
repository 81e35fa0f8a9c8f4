/**
 * Where a frame cut on the simulated line lost its gap: the bench's writes of each byte set
 * beside the station's reads of each chunk (both epoch ms of sub-ms resolution).
 *
 * - `writer`: the bench itself left a gap of the reader's limit between two writes (its
 *   thread was not scheduled): a real line with that gap is rightly cut;
 * - `after-write`: the byte after the last one read had been written at least the reader's
 *   limit before the cut: it sat between the pty write and the station's read (socat relaying
 *   it, or the read itself; the bench's run-queue waits say who was starved). The deaf time
 *   shows how much of that the station's own stalls accounted for, as it should.
 */
import type { TapFaultRecord } from '../../electron/service/tap-timing';

export type CutCause = 'writer' | 'after-write' | 'unknown';

export interface CutTimeline {
  readonly cause: CutCause;
  /** Longest pause between two of the bench's writes (or before the first), ms. */
  readonly writerGapMs: number;
  /** Bytes the station had read when it cut the frame. */
  readonly bytesRead: number;
  /** How long the first unread byte had been written when the station cut the frame, ms. */
  readonly unreadForMs: number | null;
  /** Deaf time the station counted while the frame was pending, ms. */
  readonly deafMs: number;
  /** One line: both timelines relative to the first byte's write. */
  readonly text: string;
}

/** The reader's inter-byte limit, ms (DEFAULT_GAP_MS). */
const READER_GAP_MS = 100;

export function cutTimeline(firstByte: number, byteAt: readonly number[], fault: TapFaultRecord | undefined): CutTimeline {
  const rel = (t: number) => (t - firstByte).toFixed(1);
  let writerGapMs = (byteAt[0] ?? firstByte) - firstByte;
  for (let i = 1; i < byteAt.length; i++) writerGapMs = Math.max(writerGapMs, (byteAt[i] as number) - (byteAt[i - 1] as number));
  const writes = `bench wrote bytes at +${byteAt.map(rel).join(' +')} ms`;
  if (!fault) {
    return { cause: writerGapMs >= READER_GAP_MS ? 'writer' : 'unknown', writerGapMs, bytesRead: 0, unreadForMs: null, deafMs: 0, text: `${writes}; the station printed no fault timing` };
  }
  const bytesRead = fault.chunks.reduce((sum, c) => sum + c.bytes, 0);
  const deafMs = fault.deafMs - (fault.chunks[0]?.deafMs ?? fault.deafMs);
  const nextWrite = byteAt[bytesRead];
  const unreadForMs = nextWrite === undefined ? null : fault.atMs - nextWrite;
  const cause: CutCause = writerGapMs >= READER_GAP_MS ? 'writer' : unreadForMs !== null && unreadForMs >= READER_GAP_MS ? 'after-write' : 'unknown';
  const reads = fault.chunks.map((c) => `+${rel(c.atMs)} (${c.bytes} B${c.deafMs ? `, deaf ${c.deafMs.toFixed(1)}` : ''})`).join(' ');
  const text = `${writes}; station read ${reads}, cut the frame at +${rel(fault.atMs)} after ${bytesRead} B with ${deafMs.toFixed(1)} ms counted deaf${unreadForMs === null ? '' : `; byte ${bytesRead + 1} had been written ${unreadForMs.toFixed(1)} ms before`}`;
  return { cause, writerGapMs, bytesRead, unreadForMs, deafMs, text };
}
