import type { NormalisedCard } from '../../card-id/card-id';

/** One successful read. `raw` is the text as the reader produced it (never sent upstream). */
export interface CardRead {
  readonly deviceId: string;
  readonly card: NormalisedCard;
  readonly raw: string;
  /** Wall-clock milliseconds when the last byte of the frame arrived. */
  readonly atMs: number;
}

/** When one chunk of a faulted frame's bytes was read. */
export interface ChunkArrival {
  /** The reader clock's monotonic ms (`performance.now()` with the system clock). */
  readonly atMs: number;
  readonly bytes: number;
  /** How much of the time so far the reader counted as deaf (its loop stalled), ms. */
  readonly deafMs: number;
}

/**
 * When the bytes behind a fault were read and when the fault was called, so a cut frame can
 * be told apart: a gap between two chunks with no deaf time added is a gap on the line (or
 * before the read), not a stalled loop.
 */
export interface FaultTiming {
  /** The chunks read since the framer last held nothing, oldest first (at most 64). */
  readonly chunks: readonly ChunkArrival[];
  /** Monotonic ms when the fault was called. */
  readonly atMs: number;
  /** Deaf time counted by then, ms. */
  readonly deafMs: number;
}

/** Bytes arrived that are not a card: the worker should tap again. */
export interface CardReadFault {
  readonly deviceId: string;
  readonly reason: 'bad-checksum' | 'oversize' | 'truncated' | 'malformed' | 'unsupported-format';
  /** Hex or text detail for logs and installers. */
  readonly detail: string;
  /** Set by framed readers (serial, vendor HID). */
  readonly timing?: FaultTiming;
}

export type ReaderState = 'online' | 'offline' | 'degraded';

/**
 * A card reader of any kind (serial, vendor HID, simulated). It opens its device, keeps it
 * open, notices when it is gone and reopens it with backoff until `stop()`.
 */
export interface CardReader {
  readonly id: string;
  /** Label from the device config, e.g. "Door reader". */
  readonly name: string;
  readonly simulated: boolean;
  readonly state: ReaderState;
  /** Plain-words reason when not online. */
  readonly detail: string;
  /** Begins opening; resolves at once, failures show up as state changes. */
  start(): Promise<void>;
  /** Closes the device and stops all retries. Idempotent. */
  stop(): Promise<void>;
  on(event: 'read', listener: (read: CardRead) => void): this;
  on(event: 'fault', listener: (fault: CardReadFault) => void): this;
  on(event: 'state', listener: (state: ReaderState) => void): this;
  off(event: 'read', listener: (read: CardRead) => void): this;
  off(event: 'fault', listener: (fault: CardReadFault) => void): this;
  off(event: 'state', listener: (state: ReaderState) => void): this;
}
