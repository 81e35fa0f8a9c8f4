/**
 * Test double of a {@link LockerBus}: an in-memory bus that behaves like one from the
 * service's side. A successful `open` leaves the door open (and reports it) until the test
 * closes it; tests inject jammed locks, silent boards, an offline bus, and doors opened by
 * hand. Every `open` and `setHoldPower` call is recorded.
 */
import { EventEmitter } from 'node:events';
import type { DoorReading, LockerBus, LockerBusEvents, LockerBusState, OpenBoardOutcome, OpenOutcome } from '../../../hardware/drivers/locker-bus/locker-bus';
import type { LockerProtocolName } from '../../../hardware/lockers/locker-protocol';

interface DoorState {
  closed: boolean;
  itemPresent?: boolean;
}

export interface LockerBusDoubleOptions {
  readonly id: string;
  readonly name?: string;
  /**
   * Boards and their channel counts; default one 16-channel board at address 1. `openAll`
   * (default false) says the board takes the board-wide open-all command.
   */
  readonly boards?: readonly { readonly address: number; readonly channels: number; readonly openAll?: boolean }[];
  readonly protocol?: LockerProtocolName;
  /** Whether `setHoldPower` answers true. Default true. */
  readonly holdPower?: boolean;
  /** Whether doors report "item inside" (CU16 infrared). Default false: `itemPresent` absent. */
  readonly itemSensor?: boolean;
  /** Epoch ms for readings. Default `Date.now`. */
  readonly now?: () => number;
}

export class LockerBusDouble extends EventEmitter implements LockerBus {
  readonly id: string;
  readonly name: string;
  readonly protocol: LockerProtocolName;
  readonly simulated = true;
  readonly boards: readonly { readonly address: number; readonly channels: number; readonly openAll: boolean }[];
  state: LockerBusState = 'offline';
  detail = 'not started';
  startCalls = 0;
  stopCalls = 0;
  /** Every open call, in order, with its outcome kind. */
  readonly opens: { board: number; lock: number; ok: boolean }[] = [];
  readonly holdPowerCalls: { board: number; lock: number; on: boolean }[] = [];
  /** Every `openBoard` call's board, in order. */
  readonly boardOpens: number[] = [];
  private readonly doorStates = new Map<string, DoorState>();
  private readonly jammed = new Set<string>();
  private readonly silentBoards = new Set<number>();
  private portLostOnNextOpen = false;
  private readonly now: () => number;
  private readonly holdPowerAnswer: boolean;
  private readonly itemSensor: boolean;

  constructor(options: LockerBusDoubleOptions) {
    super();
    this.id = options.id;
    this.name = options.name ?? `Lockers ${options.id}`;
    this.protocol = options.protocol ?? '8a80';
    this.boards = (options.boards ?? [{ address: 1, channels: 16 }]).map((b) => ({ ...b, openAll: b.openAll ?? false }));
    this.now = options.now ?? Date.now;
    this.holdPowerAnswer = options.holdPower ?? true;
    this.itemSensor = options.itemSensor ?? false;
    for (const board of this.boards) {
      for (let lock = 1; lock <= board.channels; lock += 1) {
        this.doorStates.set(key(board.address, lock), this.itemSensor ? { closed: true, itemPresent: false } : { closed: true });
      }
    }
  }

  async start(): Promise<void> {
    this.startCalls += 1;
    this.setState('online', '');
  }

  async stop(): Promise<void> {
    this.stopCalls += 1;
    this.state = 'offline';
    this.detail = 'stopped';
  }

  async open(board: number, lock: number): Promise<OpenOutcome> {
    await Promise.resolve();
    const outcome = this.tryOpen(board, lock);
    this.opens.push({ board, lock, ok: outcome.ok });
    return outcome;
  }

  /** Jammed locks stay shut and are listed in `stillShut`, as a real board's query shows them. */
  async openBoard(board: number): Promise<OpenBoardOutcome> {
    await Promise.resolve();
    this.boardOpens.push(board);
    const settings = this.boards.find((b) => b.address === board);
    if (!settings) return { ok: false, reason: 'bad-address', detail: `no board ${board}` };
    if (!settings.openAll) return { ok: false, reason: 'unsupported', detail: `board ${board} has no open-all` };
    if (this.state === 'offline') return { ok: false, reason: 'bus-offline', detail: 'bus offline' };
    if (this.silentBoards.has(board)) return { ok: false, reason: 'no-reply', detail: `board ${board} did not answer` };
    const opened: number[] = [];
    const stillShut: number[] = [];
    for (let lock = 1; lock <= settings.channels; lock += 1) {
      if (this.jammed.has(key(board, lock))) {
        stillShut.push(lock);
        continue;
      }
      this.change(board, lock, { ...this.door(board, lock), closed: false });
      opened.push(lock);
    }
    return { ok: true, elapsedMs: 40, opened, stillShut };
  }

  async setHoldPower(board: number, lock: number, on: boolean): Promise<boolean> {
    this.holdPowerCalls.push({ board, lock, on });
    return this.state !== 'offline' && this.holdPowerAnswer && !this.silentBoards.has(board);
  }

  doors(): DoorReading[] {
    return [...this.doorStates].map(([k, door]) => this.reading(k, door));
  }

  // --- test controls ---

  /** Someone shut the door; with an item sensor, `itemPresent` says whether a phone is inside. */
  closeDoor(board: number, lock: number, itemPresent = false): void {
    this.change(board, lock, this.itemSensor ? { closed: true, itemPresent } : { closed: true });
  }

  /** The door was opened without a command (forced, or a lock that springs). */
  openByHand(board: number, lock: number): void {
    this.change(board, lock, { ...this.door(board, lock), closed: false });
  }

  /** With an item sensor: the phone was put in or taken out while the door is open. */
  setItemPresent(board: number, lock: number, present: boolean): void {
    this.change(board, lock, { ...this.door(board, lock), itemPresent: present });
  }

  /** The next open is on the wire when the port goes: it answers `port-lost` and opens nothing. */
  losePortOnNextOpen(): void {
    this.portLostOnNextOpen = true;
  }

  /** The lock never opens: `open` answers `jammed`. */
  jam(board: number, lock: number): void {
    this.jammed.add(key(board, lock));
  }

  /**
   * The board stops answering (`no-reply`) and, with `report`, the bus reports it offline
   * (as its next poll would); `silent = false` brings it back.
   */
  silenceBoard(board: number, silent = true, report = true): void {
    if (silent) this.silentBoards.add(board);
    else this.silentBoards.delete(board);
    if (report) this.emit('board', { busId: this.id, board, online: !silent });
  }

  setState(state: LockerBusState, detail: string): void {
    this.state = state;
    this.detail = detail;
    this.emit('state', state);
  }

  door(board: number, lock: number): DoorState {
    const door = this.doorStates.get(key(board, lock));
    if (!door) throw new RangeError(`No lock ${lock} on board ${board} of ${this.id}`);
    return door;
  }

  override on<E extends keyof LockerBusEvents>(event: E, listener: (...args: LockerBusEvents[E]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  override off<E extends keyof LockerBusEvents>(event: E, listener: (...args: LockerBusEvents[E]) => void): this {
    return super.off(event, listener as (...args: unknown[]) => void);
  }

  private tryOpen(board: number, lock: number): OpenOutcome {
    if (this.portLostOnNextOpen) {
      this.portLostOnNextOpen = false;
      return { ok: false, reason: 'port-lost', attempts: 1, detail: 'The port was lost while waiting for the answer.' };
    }
    if (this.state === 'offline') return { ok: false, reason: 'bus-offline', attempts: 0, detail: 'bus offline' };
    if (!this.doorStates.has(key(board, lock))) return { ok: false, reason: 'bad-address', attempts: 0, detail: `no lock ${lock} on board ${board}` };
    if (this.silentBoards.has(board)) return { ok: false, reason: 'no-reply', attempts: 3, detail: `board ${board} did not answer` };
    if (this.jammed.has(key(board, lock))) return { ok: false, reason: 'jammed', attempts: 3, detail: `lock ${lock} did not open` };
    this.change(board, lock, { ...this.door(board, lock), closed: false });
    return { ok: true, attempts: 1, elapsedMs: 12 };
  }

  private change(board: number, lock: number, next: DoorState): void {
    const k = key(board, lock);
    const before = this.door(board, lock);
    this.doorStates.set(k, next);
    if (before.closed !== next.closed || before.itemPresent !== next.itemPresent) this.emit('door', this.reading(k, next));
  }

  private reading(k: string, door: DoorState): DoorReading {
    const [board, lock] = k.split(':').map(Number) as [number, number];
    const base = { busId: this.id, board, lock, closed: door.closed, atMs: this.now() };
    return door.itemPresent === undefined ? base : { ...base, itemPresent: door.itemPresent };
  }
}

function key(board: number, lock: number): string {
  return `${board}:${lock}`;
}
