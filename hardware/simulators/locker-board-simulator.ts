import { DEFAULT_GAP_MS, type Framer } from '../codecs/framer';
import { systemClock, type Clock } from '../drivers/clock';
import type { BoardSettings, DecodedLockerRequest, LockerProtocol, LockerReply } from '../lockers/locker-protocol';
import { boardsByAddress } from '../lockers/protocols/board-checks';
import type { Transport } from '../transport/transport';
import { SimulatorLine } from './simulator-line';
import { pushRecent } from './recent-list';

/** A fault to inject. Faults last until `clearFaults()` (bad-checksum: until used up). */
export type LockerSimFault =
  /** The board (or every board) is offline: it neither answers nor acts on commands. */
  | { readonly kind: 'no-reply'; readonly board?: number }
  /** The next `count` (default 1) frames the board (or any board) sends have a wrong checksum. */
  | { readonly kind: 'bad-checksum'; readonly board?: number; readonly count?: number }
  /** The lock never opens: open replies say "not opened" and the door stays shut. */
  | { readonly kind: 'jammed'; readonly board: number; readonly lock: number }
  /** The board (or every board) turns around in `delayMs` instead of the usual delay. */
  | { readonly kind: 'slow-reply'; readonly delayMs: number; readonly board?: number }
  /** Firmware without open-all: the board (or every board) neither answers nor acts on it. */
  | { readonly kind: 'ignores-open-all'; readonly board?: number };

export interface LockerBoardSimulatorOptions {
  readonly protocol: LockerProtocol;
  /** The boards on this bus, all of `protocol`. */
  readonly boards: readonly BoardSettings[];
  readonly clock?: Clock;
  /** Turnaround before each reply, milliseconds. Default 2. */
  readonly replyDelayMs?: number;
  /**
   * 8A/80 only: send an unsolicited `81` report when a door is shut (`closeDoor`) or forced
   * open (`openByHand`). Default false. A protocol without the capability throws `TypeError`.
   */
  readonly unsolicitedReports?: boolean;
  /**
   * How long the board takes to pulse one lock during open-all, ms; its answer comes after
   * every channel's pulse (as on real boards, late). Default 5, so tests stay quick.
   */
  readonly openAllPulseMs?: number;
}

/** One simulated lock as the test sees it. */
export interface SimulatedDoor {
  /** Shut and latched. Doors start closed. */
  readonly closed: boolean;
  /** Something inside (CU16 infrared bit). */
  readonly itemPresent: boolean;
  /** Held powered by `9A` (charging relay). */
  readonly powered: boolean;
}

interface Door { closed: boolean; itemPresent: boolean; powered: boolean }

/** Requests `requests` keeps at least (tests look at a few; a long-running wall must not grow). */
export const KEPT_REQUESTS = 1000;

/**
 * Plays the board side of a locker bus at byte level: N boards × M locks of one protocol on
 * one transport (opened by the caller). An `open` pulls the door open (unless jammed) and the
 * reply says whether it opened; the door then stays open until `closeDoor`. Requests for
 * boards not simulated get no reply, as on a real bus, and bytes that are not a request are
 * ignored. Every timer goes through the injected clock.
 */
export class LockerBoardSimulator {
  private readonly protocol: LockerProtocol;
  private readonly boards: Map<number, BoardSettings>;
  private readonly doors = new Map<number, Door[]>();
  private readonly framer: Framer<DecodedLockerRequest>;
  private readonly clock: Clock;
  private readonly replyDelayMs: number;
  private readonly unsolicitedReports: boolean;
  private readonly openAllPulseMs: number;
  private faults: { fault: LockerSimFault; left: number }[] = [];
  private readonly received: DecodedLockerRequest[] = [];
  private readonly onData = (chunk: Uint8Array): void => this.receive(chunk);
  private line: SimulatorLine;

  constructor(transport: Transport, options: LockerBoardSimulatorOptions) {
    this.protocol = options.protocol;
    this.boards = boardsByAddress(this.protocol, options.boards);
    this.clock = options.clock ?? systemClock;
    this.line = new SimulatorLine(transport, this.clock, this.onData);
    this.replyDelayMs = options.replyDelayMs ?? 2;
    if (!Number.isFinite(this.replyDelayMs) || this.replyDelayMs < 0) throw new TypeError('"replyDelayMs" must be 0 or more milliseconds');
    this.unsolicitedReports = options.unsolicitedReports ?? false;
    this.openAllPulseMs = options.openAllPulseMs ?? 5;
    if (!Number.isFinite(this.openAllPulseMs) || this.openAllPulseMs < 0) throw new TypeError('"openAllPulseMs" must be 0 or more milliseconds');
    if (this.unsolicitedReports && !this.protocol.capabilities.unsolicitedDoorReports) {
      throw new TypeError(`${this.protocol.name} boards send no unsolicited door reports`);
    }
    for (const board of this.boards.values()) {
      this.doors.set(board.address, Array.from({ length: board.channels }, () => ({ closed: true, itemPresent: false, powered: false })));
    }
    this.framer = this.protocol.createRequestFramer(this.boards, DEFAULT_GAP_MS);
  }

  /**
   * The well-formed requests heard on the bus, for any board, in order: every one, up to the
   * last {@link KEPT_REQUESTS} (at least) once there have been more.
   */
  get requests(): readonly DecodedLockerRequest[] {
    return this.received;
  }

  /** Starts listening on the transport. Idempotent. */
  start(): void {
    this.line.start();
  }

  /** Stops listening and drops replies not yet sent. Door states are kept. Idempotent. */
  stop(): void {
    if (!this.line.stop()) return;
    this.framer.reset();
  }

  /**
   * Plays the boards on another transport from now on (e.g. a new pty pair after the old one
   * died). Door states and faults are kept; replies not yet sent are dropped.
   */
  attach(transport: Transport): void {
    const running = this.line.running;
    this.stop();
    this.line = new SimulatorLine(transport, this.clock, this.onData);
    if (running) this.start();
  }

  /** A copy of one lock's state. Throws `RangeError` for a board or lock not simulated. */
  door(board: number, lock: number): SimulatedDoor {
    return { ...this.doorOf(board, lock) };
  }

  /** Someone shut the door: it latches (and an `81` report goes out when enabled). */
  closeDoor(board: number, lock: number): void {
    const door = this.doorOf(board, lock);
    if (door.closed) return;
    door.closed = true;
    this.report(board, lock, true);
  }

  /** The door was forced or opened without a command. */
  openByHand(board: number, lock: number): void {
    const door = this.doorOf(board, lock);
    if (!door.closed) return;
    door.closed = false;
    this.report(board, lock, false);
  }

  /** A phone was put in or taken out (read by boards with an item sensor). */
  setItemPresent(board: number, lock: number, present: boolean): void {
    this.doorOf(board, lock).itemPresent = present;
  }

  /** Adds a fault. Throws `RangeError` for a board or lock not simulated. */
  inject(fault: LockerSimFault): void {
    if (fault.kind === 'jammed') this.doorOf(fault.board, fault.lock);
    else if (fault.board !== undefined) this.doorOf(fault.board, 1);
    const left = fault.kind === 'bad-checksum' ? fault.count ?? 1 : Number.POSITIVE_INFINITY;
    this.faults.push({ fault, left });
  }

  clearFaults(): void {
    this.faults = [];
  }

  private doorOf(board: number, lock: number): Door {
    const door = this.doors.get(board)?.[lock - 1];
    if (!door) throw new RangeError(`no simulated lock ${lock} on board ${board}`);
    return door;
  }

  private activeFault<K extends LockerSimFault['kind']>(kind: K, board: number): { fault: Extract<LockerSimFault, { kind: K }>; left: number } | undefined {
    const match = this.faults.filter((f) => f.fault.kind === kind && f.left > 0 && (f.fault.board === undefined || f.fault.board === board)).at(-1);
    return match as { fault: Extract<LockerSimFault, { kind: K }>; left: number } | undefined;
  }

  private isJammed(board: number, lock: number): boolean {
    return this.faults.some(({ fault }) => fault.kind === 'jammed' && fault.board === board && fault.lock === lock);
  }

  private receive(chunk: Uint8Array): void {
    for (const output of this.framer.push(chunk, this.clock.now())) {
      // A board ignores bytes it cannot read; only requests get an answer.
      if (output.type === 'frame') this.handle(output);
    }
  }

  private handle(request: DecodedLockerRequest): void {
    // The wall `npm start` simulates is polled every second for months: only the recent past.
    pushRecent(this.received, request, KEPT_REQUESTS);
    const board = this.boards.get(request.board);
    if (!board || this.activeFault('no-reply', board.address)) return;
    switch (request.kind) {
      case 'open': {
        const door = this.doorOf(board.address, request.lock);
        if (!this.isJammed(board.address, request.lock)) door.closed = false;
        // A CU16 answers an unlock with its whole status frame, read after the pulse.
        const reply: LockerReply = this.protocol.name === 'kerong-cu16'
          ? this.status(board)
          : { type: 'frame', kind: 'open-result', board: board.address, lock: request.lock, opened: !door.closed };
        this.send(board, this.protocol.encodeReply(reply, board));
        return;
      }
      case 'query-board':
        this.send(board, this.protocol.encodeReply(this.status(board), board));
        return;
      case 'query-lock':
        this.send(board, this.protocol.encodeReply(
          { type: 'frame', kind: 'lock-status', board: board.address, lock: request.lock, closed: this.doorOf(board.address, request.lock).closed },
          board,
        ));
        return;
      case 'open-all': {
        if (this.activeFault('ignores-open-all', board.address)) return;
        const doors = this.doors.get(board.address) ?? [];
        doors.forEach((door, i) => {
          if (!this.isJammed(board.address, i + 1)) door.closed = false;
        });
        // A CU16 answers with its status frame, so a jammed lock shows in it.
        const reply: LockerReply = this.protocol.name === 'kerong-cu16' ? this.status(board) : { type: 'frame', kind: 'open-all-ack', board: board.address };
        this.send(board, this.protocol.encodeReply(reply, board), this.openAllPulseMs * board.channels);
        return;
      }
      case 'hold-power':
        this.doorOf(board.address, request.lock).powered = request.on;
        // The acknowledgement is an echo of the command.
        this.send(board, this.protocol.encodeRequest(request, board));
        return;
    }
  }

  private status(board: BoardSettings): LockerReply {
    const sensor = this.protocol.capabilities.itemSensor;
    const locks = (this.doors.get(board.address) ?? []).map((door, i) => ({
      lock: i + 1, closed: door.closed, ...(sensor ? { itemPresent: door.itemPresent } : {}),
    }));
    return { type: 'frame', kind: 'board-status', board: board.address, locks };
  }

  private report(address: number, lock: number, closed: boolean): void {
    const board = this.boards.get(address);
    if (!board || !this.unsolicitedReports || !this.line.running || this.activeFault('no-reply', address)) return;
    this.send(board, this.protocol.encodeReply({ type: 'frame', kind: 'door-report', board: address, lock, closed }, board));
  }

  private send(board: BoardSettings, frame: Uint8Array, extraDelayMs = 0): void {
    const bytes = Uint8Array.from(frame);
    const corrupt = this.activeFault('bad-checksum', board.address);
    if (corrupt) {
      corrupt.left--;
      // Both protocols end with their checksum byte.
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    }
    const delay = this.activeFault('slow-reply', board.address)?.fault.delayMs ?? this.replyDelayMs;
    this.line.reply(bytes, delay + extraDelayMs);
  }
}
