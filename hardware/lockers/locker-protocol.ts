/**
 * What every locker-board protocol provides, so the bus driver and the simulators work with
 * any of them. A protocol module is pure: bytes in, values out, no I/O, no timers (time is
 * passed in). Two protocols exist: the generic "8A/80" BCC board and the Kerong CU16.
 *
 * Numbering: boards and locks are numbered as the installer sees them on the board's DIP
 * switches and terminal labels. Locks are 1-based everywhere in this interface; a protocol
 * that counts from 0 on the wire (CU16) converts inside its codec.
 */
import type { Framer } from '../codecs/framer';

/** Names of the supported protocols, as written in devices.json. */
export type LockerProtocolName = '8a80' | 'kerong-cu16';

/**
 * Per-board settings the codec needs to build and read frames. Polarity is set by wiring,
 * not by the protocol (hardware-protocols.md §1.1), so it is a per-board setting.
 */
export interface BoardSettings {
  /** Board address as on its DIP switches (8A/80: 1–32; CU16: 0–15). */
  readonly address: number;
  /** Channels on the board: 8, 16, 24 or 32 (8A/80); 16 (CU16). */
  readonly channels: number;
  /**
   * `'closed-is-set'`: a feedback bit of 1 means the door is shut and locked (the default;
   * CU16 hook bits always read this way). `'open-is-set'`: the reverse wiring.
   */
  readonly polarity: 'closed-is-set' | 'open-is-set';
  /**
   * The board's firmware takes the board-wide open-all command (8A/80 lock 0, CU16 `33`).
   * Default true; `false` for a board that lacks it, whose locks are then opened one at a time.
   */
  readonly openAll?: boolean;
}

/** A request from the host to one board. `lock` is 1-based. */
export type LockerRequest =
  /** Pulse the lock open (8A/80 `8A`, CU16 `31`). */
  | { readonly kind: 'open'; readonly board: number; readonly lock: number }
  /** Door state of every lock on a board (8A/80 `80 bb 00 33`, CU16 `30`). */
  | { readonly kind: 'query-board'; readonly board: number }
  /** Door state of one lock (8A/80 `80 bb ll 33`); optional capability. */
  | { readonly kind: 'query-lock'; readonly board: number; readonly lock: number }
  /** Keep a channel powered, or stop (8A/80 `9A` / `9B`); optional capability. */
  | { readonly kind: 'hold-power'; readonly board: number; readonly lock: number; readonly on: boolean }
  /** Emergency: every lock on the board, one after another by the board itself (8A/80 `8A bb 00 11`, CU16 `33`). */
  | { readonly kind: 'open-all'; readonly board: number };

/** One lock as a board reports it. */
export interface LockReading {
  /** 1-based. */
  readonly lock: number;
  /** After polarity is applied: true = door shut and latched. */
  readonly closed: boolean;
  /** Infrared "item inside" (CU16 only); `undefined` where the board has no sensor. */
  readonly itemPresent?: boolean;
}

/** A decoded frame from a board (a reply, or an unsolicited report). */
export type LockerReply =
  /** Answer to `open`: did the lock's feedback switch say it opened (polarity applied). */
  | { readonly type: 'frame'; readonly kind: 'open-result'; readonly board: number; readonly lock: number; readonly opened: boolean }
  /** Answer to `query-board`: one reading per channel, lock 1 first. */
  | { readonly type: 'frame'; readonly kind: 'board-status'; readonly board: number; readonly locks: readonly LockReading[] }
  /** Answer to `query-lock` (polarity applied). */
  | { readonly type: 'frame'; readonly kind: 'lock-status'; readonly board: number; readonly lock: number; readonly closed: boolean }
  /** Answer to `hold-power` (replies vary by firmware: any well-formed answer counts). */
  | { readonly type: 'frame'; readonly kind: 'power-ack'; readonly board: number; readonly lock: number }
  /**
   * Answer to `open-all`, sent once the board has pulsed its locks (8A/80 `8A bb 00 SS`, CU16
   * its `35` status frame). It says only that the command was taken: door states come from a
   * query afterwards.
   */
  | { readonly type: 'frame'; readonly kind: 'open-all-ack'; readonly board: number }
  /** Unsolicited (8A/80 `81`): a door changed by itself, e.g. shut by hand. */
  | { readonly type: 'frame'; readonly kind: 'door-report'; readonly board: number; readonly lock: number; readonly closed: boolean };

/**
 * The host side's reply framer. Some replies can only be told apart by what was asked
 * (8A/80 board-status length depends on the channel count), so the driver says what it
 * expects before each write. Unsolicited frames are recognised at any time.
 */
export interface LockerReplyFramer extends Framer<LockerReply> {
  /** The request now awaiting its answer, or `undefined` between transactions. */
  expect(request: LockerRequest | undefined): void;
}

/** A request as a board (the simulator) reads it off the wire. */
export type DecodedLockerRequest = LockerRequest & { readonly type: 'frame' };

/**
 * A locker-board protocol: host-side encode and reply framing, plus the device side that the
 * simulators use. Guarantees: `encodeRequest` output decodes back to the same request with
 * the device-side framer; every reply the device side encodes is read back by the host-side
 * framer; framers never throw and reject bad checksums, oversize and truncated frames.
 */
export interface LockerProtocol {
  readonly name: LockerProtocolName;
  /** Factory default line speed (8A/80 9600, CU16 19200), 8N1. */
  readonly defaultBaudRate: number;
  /** Valid board addresses, inclusive. */
  readonly boardAddresses: { readonly min: number; readonly max: number };
  /** Channel counts a board of this protocol may have. */
  readonly channelOptions: readonly number[];
  /** What the protocol can do beyond open and query-board. */
  readonly capabilities: {
    readonly holdPower: boolean;
    /** Can query one lock on its own (`query-lock`). */
    readonly queryLock: boolean;
    readonly itemSensor: boolean;
    readonly unsolicitedDoorReports: boolean;
    /** Has a board-wide open-all command (`open-all`); a board may still lack it (`BoardSettings.openAll`). */
    readonly openAll: boolean;
  };
  /** Bytes of the request on the wire. Throws RangeError for a board or lock out of range. */
  encodeRequest(request: LockerRequest, board: BoardSettings): Uint8Array;
  /** Host side: reads replies and unsolicited reports. `boards` by address. */
  createReplyFramer(boards: ReadonlyMap<number, BoardSettings>, gapMs?: number): LockerReplyFramer;

  /** Device side (simulators): reads requests off the wire. */
  createRequestFramer(boards: ReadonlyMap<number, BoardSettings>, gapMs?: number): Framer<DecodedLockerRequest>;
  /** Device side: the bytes a board sends for a reply or report (polarity applied). */
  encodeReply(reply: LockerReply, board: BoardSettings): Uint8Array;
}
