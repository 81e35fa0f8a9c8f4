import type { NormalisedCard } from '../../card-id/card-id';

/** One successful read. `raw` is the text as the reader produced it (never sent upstream). */
export interface CardRead {
  readonly deviceId: string;
  readonly card: NormalisedCard;
  readonly raw: string;
  /** Wall-clock milliseconds when the last byte of the frame arrived. */
  readonly atMs: number;
}

/** Bytes arrived that are not a card: the worker should tap again. */
export interface CardReadFault {
  readonly deviceId: string;
  readonly reason: 'bad-checksum' | 'oversize' | 'truncated' | 'malformed' | 'unsupported-format';
  /** Hex or text detail for logs and installers. */
  readonly detail: string;
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
