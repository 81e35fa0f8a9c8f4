import { EventEmitter } from 'node:events';
import type { BoardSettings, LockerProtocol, LockerReply, LockerRequest } from '../../lockers/locker-protocol';
import type { Transport } from '../../transport/transport';
import type { BackoffOptions } from '../card-reader/reader-supervisor';
import { systemClock, type Clock } from '../clock';
import { LATE_TOLERANCE_MS } from '../silence-watch';
import { BusLink, type AttemptResult } from './bus-link';
import { DoorTable } from './door-table';
import type { DoorReading, LockerBus, LockerBusEvents, LockerBusState, OpenBoardOutcome, OpenOutcome } from './locker-bus';

export interface LockerBusOptions {
  /** Stable id from the device config, e.g. `"wall-a"`. */
  readonly id: string;
  /** Label for stewards, e.g. "Locker wall A". */
  readonly name: string;
  readonly protocol: LockerProtocol;
  /** Boards on this bus; addresses must be unique. */
  readonly boards: readonly BoardSettings[];
  /** Makes the transport to open; called again for every reopen. */
  readonly createTransport: () => Transport;
  /** A device path that exists while the adapter is plugged in; checked every second. */
  readonly livenessPath?: string;
  /** Default false. */
  readonly simulated?: boolean;
  /** `detail` while online, e.g. that the boards are simulated. Default empty. */
  readonly onlineDetail?: string;
  readonly clock?: Clock;
  /** Longest wait for a board's answer per attempt, ms. Default 200. */
  readonly replyTimeoutMs?: number;
  /**
   * Longest wait for a board's answer to open-all, per channel on the board, ms (the board
   * pulses its locks one after another before answering; about 300 ms each). Default 400.
   */
  readonly openAllMsPerLock?: number;
  /** Extra attempts after a silent or garbled answer, or a lock that says it did not open. Default 2. */
  readonly retries?: number;
  /** Heartbeat: every this many ms each board is queried in turn. Default 1000. */
  readonly pollIntervalMs?: number;
  /** Quiet time between one transaction's end and the next write, ms. Default 2. */
  readonly turnaroundMs?: number;
  /** Polls in a row a board may miss before it is reported offline. Default 3. */
  readonly missesBeforeOffline?: number;
  /**
   * A port that stays open while no board gives a valid answer for this long, ms, is closed
   * and reopened: a wedged USB-RS485 adapter keeps its device path but passes nothing. Checked
   * at each heartbeat, so the reopen comes up to `pollIntervalMs` later; time the process
   * spent stalled (a late heartbeat) is not counted. Default 10000.
   */
  readonly reopenAfterSilentMs?: number;
  /** Reopen delays after a lost port. Defaults as for card readers (250 ms doubling to 2 s). */
  readonly backoff?: BackoffOptions;
}

interface Job {
  run(): Promise<void>;
  /** Resolves the caller without running (bus stopped or port lost while queued). */
  cancel(detail: string): void;
}

/**
 * A `LockerBus` over any transport and locker protocol. See `LockerBus` for the guarantees.
 * User commands (open, hold power) always go before heartbeat queries still waiting; a poll
 * already on the wire finishes first (one transaction at a time).
 */
export function createLockerBus(options: LockerBusOptions): LockerBus {
  return new SerialLockerBus(options);
}

class SerialLockerBus extends EventEmitter<LockerBusEvents> implements LockerBus {
  readonly id: string;
  readonly name: string;
  readonly protocol: LockerProtocol['name'];
  readonly simulated: boolean;
  readonly boards: readonly { readonly address: number; readonly channels: number; readonly openAll: boolean }[];
  private readonly settings = new Map<number, BoardSettings>();
  private readonly link: BusLink;
  private readonly doorTable: DoorTable;
  private readonly clock: Clock;
  private readonly attempts: number;
  private readonly missLimit: number;
  private readonly reopenAfterSilentMs: number;
  private readonly openAllMsPerLock: number;
  private readonly pollIntervalMs: number;
  /** An open-all is on the wire: its long silence is expected, not a wedged port. */
  private openingAll = false;
  /** When a board last gave a valid answer or report, or the port last opened (monotonic ms). */
  private lastHeardMs = 0;
  private readonly misses = new Map<number, number>();
  private readonly boardOnline = new Map<number, boolean>();
  private userQueue: Job[] = [];
  private pollQueue: Job[] = [];
  private busy = false;
  private running = false;
  private started = false;
  /** Board queries still to answer since the port (re)opened; the bus is not online before. */
  private requeryLeft = 0;
  /** Heartbeat queries of the current cycle not yet finished. */
  private pollLeft = 0;
  private pollTimer: unknown;
  /** When the heartbeat last ran, or polling started (monotonic ms). */
  private lastCycleMs = 0;
  private state_: LockerBusState = 'offline';

  constructor(private readonly options: LockerBusOptions) {
    super();
    for (const board of options.boards) {
      if (this.settings.has(board.address)) throw new TypeError(`board ${board.address} is listed twice on bus "${options.id}"`);
      this.settings.set(board.address, board);
    }
    if (this.settings.size === 0) throw new TypeError(`bus "${options.id}" has no boards`);
    this.id = options.id;
    this.name = options.name;
    this.protocol = options.protocol.name;
    this.simulated = options.simulated ?? false;
    const canOpenAll = options.protocol.capabilities.openAll;
    this.boards = options.boards.map((b) => ({ address: b.address, channels: b.channels, openAll: canOpenAll && b.openAll !== false }));
    this.openAllMsPerLock = positiveInt(options.openAllMsPerLock ?? 400, 'openAllMsPerLock', 1);
    this.clock = options.clock ?? systemClock;
    this.attempts = 1 + positiveInt(options.retries ?? 2, 'retries', 0);
    this.missLimit = positiveInt(options.missesBeforeOffline ?? 3, 'missesBeforeOffline', 1);
    this.reopenAfterSilentMs = positiveInt(options.reopenAfterSilentMs ?? 10_000, 'reopenAfterSilentMs', 1);
    this.doorTable = new DoorTable(options.id);
    this.link = new BusLink({
      protocol: options.protocol,
      boards: this.settings,
      createTransport: options.createTransport,
      livenessPath: options.livenessPath,
      backoff: options.backoff,
      clock: options.clock,
      replyTimeoutMs: positiveInt(options.replyTimeoutMs ?? 200, 'replyTimeoutMs', 1),
      turnaroundMs: positiveInt(options.turnaroundMs ?? 2, 'turnaroundMs', 0),
    });
    this.pollIntervalMs = positiveInt(options.pollIntervalMs ?? 1000, 'pollIntervalMs', 1);
    this.link.on('port', (open) => (open ? this.onPortOpen() : this.onPortClosed()));
    this.link.on('report', (report) => {
      this.lastHeardMs = this.clock.monotonicMs();
      this.recordDoor(report.board, report.lock, report.closed, this.doorTable.itemPresent(report.board, report.lock));
    });
  }

  get state(): LockerBusState {
    return this.state_;
  }

  get detail(): string {
    // Computed each time: the port's reason changes with every reopen attempt.
    return this.currentState()[1];
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.started = true;
    this.updateState();
    this.link.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopPolling();
    this.cancelQueued('The locker bus was stopped.');
    await this.link.stop();
    this.updateState();
  }

  open(board: number, lock: number): Promise<OpenOutcome> {
    const bad = this.checkAddress(board, lock);
    if (bad) return Promise.resolve({ ok: false, reason: 'bad-address', attempts: 0, detail: bad });
    if (!this.running || !this.link.isOpen) return Promise.resolve(offline(this.running ? this.link.detail : 'The locker bus is not running.'));
    return new Promise((resolve) => {
      this.enqueue('user', {
        run: async () => resolve(await this.runOpen({ kind: 'open', board, lock })),
        cancel: (detail) => resolve(offline(detail)),
      });
    });
  }

  openBoard(board: number): Promise<OpenBoardOutcome> {
    const settings = this.boards.find((b) => b.address === board);
    if (settings === undefined) return Promise.resolve({ ok: false, reason: 'bad-address', detail: `There is no board ${board} on ${this.name}.` });
    if (!settings.openAll) return Promise.resolve({ ok: false, reason: 'unsupported', detail: `Board ${board} on ${this.name} has no open-all command.` });
    const offlineAll = (detail: string): OpenBoardOutcome => ({ ok: false, reason: 'bus-offline', detail });
    if (!this.running || !this.link.isOpen) return Promise.resolve(offlineAll(this.running ? this.link.detail : 'The locker bus is not running.'));
    return new Promise((resolve) => {
      this.enqueue('user', {
        run: async () => resolve(await this.runOpenBoard(board, settings.channels)),
        cancel: (detail) => resolve(offlineAll(detail)),
      });
    });
  }

  setHoldPower(board: number, lock: number, on: boolean): Promise<boolean> {
    if (!this.options.protocol.capabilities.holdPower || this.checkAddress(board, lock)) return Promise.resolve(false);
    if (!this.running || !this.link.isOpen) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.enqueue('user', {
        run: async () => {
          const result = await this.transact({ kind: 'hold-power', board, lock, on }, this.attempts);
          resolve(result.kind === 'reply' && result.reply.kind === 'power-ack');
        },
        cancel: () => resolve(false),
      });
    });
  }

  doors(): DoorReading[] {
    return this.doorTable.all();
  }

  private async runOpen(request: LockerRequest & { kind: 'open' }): Promise<OpenOutcome> {
    let firstSentAtMs: number | undefined;
    let refused = 0;
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      const result = await this.link.exchange(request);
      if (attempt === 1) firstSentAtMs = this.link.lastSentAtMs;
      if (result.kind === 'lost') {
        // On the wire (or between attempts) when the port went: the port failed, not the lock.
        return result.sent || attempt > 1
          ? { ok: false, reason: this.running ? 'port-lost' : 'bus-offline', attempts: attempt, detail: result.detail }
          : offline(result.detail);
      }
      if (result.kind !== 'reply') {
        lastProblem = result.detail;
        continue;
      }
      this.boardAnswered(request.board);
      if (result.reply.kind === 'open-result' && result.reply.opened) {
        // The board confirmed the lock released: the door is no longer latched shut.
        this.recordDoor(request.board, request.lock, false, this.doorTable.itemPresent(request.board, request.lock));
        return { ok: true, attempts: attempt, elapsedMs: result.atMs - (firstSentAtMs ?? result.sentAtMs) };
      }
      refused++;
      lastProblem = 'the board said the lock did not open';
    }
    const where = `lock ${request.lock} on board ${request.board}`;
    return refused > 0
      ? { ok: false, reason: 'jammed', attempts: this.attempts, detail: `Board ${request.board} answered ${refused} of ${this.attempts} times that ${where} did not open.` }
      : { ok: false, reason: 'no-reply', attempts: this.attempts, detail: `No valid answer to opening ${where} in ${this.attempts} attempts (last: ${lastProblem}).` };
  }

  private async runOpenBoard(board: number, channels: number): Promise<OpenBoardOutcome> {
    let result: AttemptResult;
    this.openingAll = true;
    try {
      // One attempt: a second would pulse every lock again, and the caller falls back anyway.
      result = await this.link.exchange({ kind: 'open-all', board }, this.openAllMsPerLock * channels);
    } finally {
      this.openingAll = false;
    }
    if (result.kind === 'lost') return { ok: false, reason: result.sent && this.running ? 'no-reply' : 'bus-offline', detail: result.detail };
    if (result.kind !== 'reply') return { ok: false, reason: 'no-reply', detail: `Board ${board} did not answer open-all (${result.detail}).` };
    this.boardAnswered(board);
    const elapsedMs = result.atMs - result.sentAtMs;
    const locks = Array.from({ length: channels }, (_, i) => i + 1);
    if (!(await this.queryBoard(board, this.attempts))) return { ok: true, elapsedMs, opened: [], stillShut: locks };
    const shut = new Set(this.doorTable.all().filter((d) => d.board === board && d.closed).map((d) => d.lock));
    return { ok: true, elapsedMs, opened: locks.filter((l) => !shut.has(l)), stillShut: locks.filter((l) => shut.has(l)) };
  }

  /** Up to `attempts` tries until the board gives a valid answer. */
  private async transact(request: LockerRequest, attempts: number): Promise<AttemptResult> {
    let result: AttemptResult = { kind: 'no-reply', detail: 'not sent' };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      result = await this.link.exchange(request);
      if (result.kind === 'reply') {
        this.boardAnswered(request.board);
        return result;
      }
      if (result.kind === 'lost') return result;
    }
    return result;
  }

  /** Queries one board; returns false when it gave no valid answer in `attempts` tries. */
  private async queryBoard(board: number, attempts: number): Promise<boolean> {
    const result = await this.transact({ kind: 'query-board', board }, attempts);
    if (result.kind !== 'reply') return false;
    applyStatus(result.reply, (lock, closed, item) => this.recordDoor(board, lock, closed, item));
    return true;
  }

  private onPortOpen(): void {
    // A reopened port may lead to boards that changed meanwhile: read them all before `online`.
    this.pollQueue.forEach((job) => job.cancel('The port was reopened.'));
    this.pollQueue = [];
    this.pollLeft = 0;
    this.lastHeardMs = this.clock.monotonicMs();
    this.requeryLeft = this.settings.size;
    this.updateState();
    for (const address of this.settings.keys()) {
      this.enqueue('poll', {
        run: async () => {
          const answered = await this.queryBoard(address, this.attempts);
          if (!this.link.isOpen) return;
          if (!answered) this.boardMissed(address, this.missLimit);
          if (--this.requeryLeft === 0) this.startPolling();
          this.updateState();
        },
        cancel: () => undefined,
      });
    }
  }

  private onPortClosed(): void {
    this.stopPolling();
    this.requeryLeft = 0;
    this.cancelQueued(this.link.detail || 'The port was lost.');
    this.updateState();
  }

  private startPolling(): void {
    this.stopPolling();
    this.lastCycleMs = this.clock.monotonicMs();
    this.pollTimer = this.clock.setInterval(() => this.pollCycle(), this.pollIntervalMs);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) this.clock.clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    this.pollQueue = [];
    this.pollLeft = 0;
  }

  /** One heartbeat: every board once, unless the last cycle is still running (slow or silent boards). */
  private pollCycle(): void {
    const now = this.clock.monotonicMs();
    const sinceLastMs = now - this.lastCycleMs;
    this.lastCycleMs = now;
    // A late heartbeat means the loop was stalled (a burst of taps): the bus could neither ask
    // nor hear meanwhile, so none of that interval counts as the boards' silence.
    if (sinceLastMs > this.pollIntervalMs + LATE_TOLERANCE_MS) this.lastHeardMs = Math.min(now, this.lastHeardMs + sinceLastMs);
    if (!this.link.isOpen || this.openingAll) return;
    const silentMs = now - this.lastHeardMs;
    if (silentMs >= this.reopenAfterSilentMs) {
      // A lost path is the liveness watch's job; here the path is there and nothing comes back.
      this.link.reopen(`No board answered for ${formatSeconds(silentMs)} although the port is there: reopening it (a wedged adapter?).`);
      return;
    }
    if (this.pollLeft > 0) return;
    this.pollLeft = this.settings.size;
    for (const address of this.settings.keys()) this.enqueuePoll(address);
  }

  /**
   * A heartbeat query of one board. A board that misses one is asked again at once rather than
   * at the next heartbeat, so a board that has gone is reported offline about
   * `missesBeforeOffline × replyTimeoutMs` after its first miss, not that many heartbeats later:
   * the screens must stop offering lockers within seconds.
   */
  private enqueuePoll(address: number): void {
    this.enqueue('poll', {
      run: async () => {
        const answered = await this.queryBoard(address, 1);
        this.pollLeft = Math.max(0, this.pollLeft - 1);
        if (answered || !this.link.isOpen) return;
        this.boardMissed(address, 1);
        if (this.boardOnline.get(address) !== false) {
          this.pollLeft += 1;
          this.enqueuePoll(address);
        }
      },
      cancel: () => undefined,
    });
  }

  private enqueue(kind: 'user' | 'poll', job: Job): void {
    (kind === 'user' ? this.userQueue : this.pollQueue).push(job);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (;;) {
        const job = this.userQueue.shift() ?? this.pollQueue.shift();
        if (job === undefined) break;
        // A job that throws (a codec bug) must not stall the queue or leave its caller waiting.
        await job.run().catch((error: unknown) => job.cancel(`Internal error: ${error instanceof Error ? error.message : String(error)}`));
      }
    } finally {
      this.busy = false;
    }
  }

  private cancelQueued(detail: string): void {
    const jobs = [...this.userQueue, ...this.pollQueue];
    this.userQueue = [];
    this.pollQueue = [];
    for (const job of jobs) job.cancel(detail);
  }

  private boardAnswered(board: number): void {
    this.lastHeardMs = this.clock.monotonicMs();
    this.misses.set(board, 0);
    if (this.boardOnline.get(board) === true) return;
    const wasOffline = this.boardOnline.get(board) === false;
    this.boardOnline.set(board, true);
    if (wasOffline) this.emit('board', { busId: this.id, board, online: true });
    this.updateState();
  }

  private boardMissed(board: number, count: number): void {
    const misses = (this.misses.get(board) ?? 0) + count;
    this.misses.set(board, misses);
    if (misses < this.missLimit || this.boardOnline.get(board) === false) return;
    this.boardOnline.set(board, false);
    this.emit('board', { busId: this.id, board, online: false });
    this.updateState();
  }

  private recordDoor(board: number, lock: number, closed: boolean, itemPresent: boolean | undefined): void {
    const news = this.doorTable.record(board, lock, closed, itemPresent, this.clock.now());
    if (news) this.emit('door', news);
  }

  private checkAddress(board: number, lock: number): string | undefined {
    const settings = this.settings.get(board);
    if (settings === undefined) return `There is no board ${board} on ${this.name}.`;
    if (!Number.isInteger(lock) || lock < 1 || lock > settings.channels) return `Board ${board} has locks 1–${settings.channels}, not ${lock}.`;
    return undefined;
  }

  private updateState(): void {
    const [state] = this.currentState();
    if (state === this.state_) return;
    this.state_ = state;
    this.emit('state', state);
  }

  private currentState(): [LockerBusState, string] {
    if (!this.running) return ['offline', this.started ? 'Stopped.' : 'Not started.'];
    if (!this.link.isOpen) return ['offline', this.link.detail];
    if (this.requeryLeft > 0) return ['offline', 'Port open; reading every board.'];
    const silent = [...this.settings.keys()].filter((b) => this.boardOnline.get(b) === false);
    if (silent.length === this.settings.size) {
      return ['offline', 'No board answers: check the RS-485 wiring, the boards\' power, the protocol and the baud rate.'];
    }
    if (silent.length === 1) return ['degraded', `Board ${silent[0]} is not answering.`];
    if (silent.length > 1) return ['degraded', `Boards ${silent.join(', ')} are not answering.`];
    return ['online', this.options.onlineDetail ?? ''];
  }
}

function offline(detail: string): OpenOutcome {
  return { ok: false, reason: 'bus-offline', attempts: 0, detail };
}

function applyStatus(reply: LockerReply, record: (lock: number, closed: boolean, itemPresent: boolean | undefined) => void): void {
  if (reply.kind !== 'board-status') return;
  for (const reading of reply.locks) record(reading.lock, reading.closed, reading.itemPresent);
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function positiveInt(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new TypeError(`"${name}" must be a whole number of at least ${min}`);
  return value;
}
