/**
 * A locker bus: one serial line (RS-485, multi-drop) with one or more boards of one
 * protocol. The service sees lockers only through this interface; the driver keeps the port
 * open, runs one transaction at a time, polls every door, and reopens a lost port.
 */
import type { LockerProtocolName } from '../../lockers/locker-protocol';

export type LockerBusState = 'online' | 'offline' | 'degraded';

/** Last known state of one lock. `closed` / `itemPresent` as the board reported them. */
export interface DoorReading {
  readonly busId: string;
  readonly board: number;
  /** 1-based. */
  readonly lock: number;
  readonly closed: boolean;
  /** Infrared "item inside", where the board has the sensor. */
  readonly itemPresent?: boolean;
  /** Epoch ms of the reading. */
  readonly atMs: number;
}

/** Why an open failed. */
export type OpenFailureReason =
  /** The board answered, every time, that the lock did not open (jammed or broken lock). */
  | 'jammed'
  /** The board did not answer (or answered garbage) on any attempt. */
  | 'no-reply'
  /** The bus is offline: nothing was sent. */
  | 'bus-offline'
  /**
   * The port was lost (unplugged, reopened) while the open was on the wire: whether the lock
   * released is unknown, and nothing says the lock is at fault.
   */
  | 'port-lost'
  /** No such board or lock on this bus. */
  | 'bad-address';

export type OpenOutcome =
  | { readonly ok: true; readonly attempts: number; /** Write of the first attempt → confirming reply, ms (monotonic clock, sub-millisecond). */ readonly elapsedMs: number }
  | { readonly ok: false; readonly reason: OpenFailureReason; readonly attempts: number; readonly detail: string };

/** How a board-wide open-all went. Lock numbers are 1-based, lowest first. */
export type OpenBoardOutcome =
  | {
    readonly ok: true;
    /** Write → the board's answer, ms (monotonic clock). */
    readonly elapsedMs: number;
    /** Locks whose door read open in the query that followed the board's answer. */
    readonly opened: readonly number[];
    /** Locks that still read shut (jammed), or every lock when that query went unanswered. */
    readonly stillShut: readonly number[];
  }
  | {
    readonly ok: false;
    /** `unsupported`: devices.json says the board lacks the command; nothing was sent. */
    readonly reason: 'unsupported' | 'no-reply' | 'bus-offline' | 'bad-address';
    readonly detail: string;
  };

export interface LockerBusEvents {
  /** The bus went online, offline or degraded (some boards not answering). */
  state: [state: LockerBusState];
  /** A door changed (from a poll or an unsolicited report), or was read for the first time. */
  door: [reading: DoorReading];
  /** A board stopped answering polls, or answered again. */
  board: [board: { readonly busId: string; readonly board: number; readonly online: boolean }];
}

/**
 * Guarantees: at most one transaction on the wire at a time (calls queue); each waits the
 * reply timeout per attempt, counted in time the process could read (after a stalled event
 * loop the wait starts again, boundedly: `setHeardTimeout`; the board is not blamed for the
 * process),
 * and makes a bounded number of attempts; `open()` and `setHoldPower()` always resolve (never
 * reject); after a lost port the bus reopens with backoff and re-queries every board before
 * reporting `online`.
 */
export interface LockerBus {
  readonly id: string;
  /** Label from the device config, e.g. "Locker wall A". */
  readonly name: string;
  readonly protocol: LockerProtocolName;
  readonly simulated: boolean;
  readonly state: LockerBusState;
  /** Plain-words reason when not online. */
  readonly detail: string;
  /** Boards configured on this bus and their channel counts. */
  readonly boards: readonly { readonly address: number; readonly channels: number; /** Takes the board-wide open-all command. */ readonly openAll: boolean }[];
  /** Opens the port and starts polling; resolves at once, failures show up as state. */
  start(): Promise<void>;
  /** Stops polling, closes the port, resolves queued calls with `bus-offline`. Idempotent. */
  stop(): Promise<void>;
  /** Pulses one lock open and waits for the board's confirmation. */
  open(board: number, lock: number): Promise<OpenOutcome>;
  /**
   * Emergency: the board's own open-all command (one attempt, a long wait: the board answers
   * only after pulsing every lock), then a query of the board so the doors are known. Always
   * resolves. A caller falls back to `open()` per lock on failure or for `stillShut` locks.
   */
  openBoard(board: number): Promise<OpenBoardOutcome>;
  /** Holds a charging channel powered, or releases it; false when unsupported or unanswered. */
  setHoldPower(board: number, lock: number, on: boolean): Promise<boolean>;
  /** Every lock's last reading (locks never read are absent). */
  doors(): DoorReading[];
  on<E extends keyof LockerBusEvents>(event: E, listener: (...args: LockerBusEvents[E]) => void): this;
  off<E extends keyof LockerBusEvents>(event: E, listener: (...args: LockerBusEvents[E]) => void): this;
}
