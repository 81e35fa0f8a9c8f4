import { EventEmitter } from 'node:events';
import { toHex, type FramerOutput } from '../../codecs/framer';
import type { BoardSettings, LockerProtocol, LockerReply, LockerReplyFramer, LockerRequest } from '../../lockers/locker-protocol';
import type { Transport } from '../../transport/transport';
import { ReaderSupervisor, type BackoffOptions } from '../card-reader/reader-supervisor';
import { systemClock, type Clock } from '../clock';
import { LATE_TOLERANCE_MS } from '../silence-watch';

/**
 * Times one attempt's reply timeout may start again because its timer came late (see
 * `BusLink.timeout`): a loop that is always late still gets its `no-reply`, at most this many
 * extra reply timeouts later.
 */
export const MAX_DEAF_REARMS = 3;

/** How one write-and-wait on the wire ended. */
export type AttemptResult =
  /** The board's answer to this request. `sentAtMs` / `atMs`: when it was written / read (monotonic ms). */
  | { readonly kind: 'reply'; readonly reply: LockerReply; readonly sentAtMs: number; readonly atMs: number }
  /** Silence for the whole reply timeout. */
  | { readonly kind: 'no-reply'; readonly detail: string }
  /** Bytes came back but not a valid answer (bad checksum, truncated, malformed). */
  | { readonly kind: 'bad-frame'; readonly detail: string }
  /** The OS refused the write. */
  | { readonly kind: 'write-failed'; readonly detail: string }
  /** The port was not open (`sent` false), or was lost or stopped while waiting (`sent` true). */
  | { readonly kind: 'lost'; readonly sent: boolean; readonly detail: string };

export interface BusLinkOptions {
  readonly protocol: LockerProtocol;
  readonly boards: ReadonlyMap<number, BoardSettings>;
  readonly createTransport: () => Transport;
  readonly livenessPath?: string;
  readonly backoff?: BackoffOptions;
  readonly clock?: Clock;
  /** Longest wait for an answer after each write, ms. */
  readonly replyTimeoutMs: number;
  /** Least quiet time between the end of one transaction and the next write, ms (RS-485 turnaround). */
  readonly turnaroundMs: number;
}

export interface BusLinkEvents {
  /** The port opened (`true`) or was lost or closed (`false`). */
  port: [open: boolean];
  /** An unsolicited door report, at any time. */
  report: [reply: LockerReply & { readonly kind: 'door-report' }];
}

interface Pending {
  readonly request: LockerRequest;
  readonly sentAtMs: number;
  readonly resolve: (result: AttemptResult) => void;
  timer: unknown;
  /** When the reply timer is due (monotonic ms). */
  dueMs: number;
  /** Reply timeouts started again after a late timer. */
  rearms: number;
  /** The first stray bytes seen while waiting, reported if no answer comes. */
  noise?: string;
}

/**
 * The wire side of a locker bus: keeps the port open through a `ReaderSupervisor` and runs
 * single request/answer attempts on it. Callers must not overlap `exchange` calls (the bus
 * queues them). Before every write the framer is reset, so a half frame or a late answer to
 * an earlier attempt can never be taken for this one; complete unsolicited door reports that
 * arrive between transactions are still passed on.
 */
export class BusLink extends EventEmitter<BusLinkEvents> {
  private readonly supervisor: ReaderSupervisor;
  private readonly framer: LockerReplyFramer;
  private readonly clock: Clock;
  private transport: Transport | undefined;
  private pending: Pending | undefined;
  private lastEndMs = Number.NEGATIVE_INFINITY;
  private portOpen = false;
  private lastSent: number | undefined;

  constructor(private readonly options: BusLinkOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.framer = options.protocol.createReplyFramer(options.boards);
    this.supervisor = new ReaderSupervisor({
      // The supervisor keeps its transport private; the one it opened last is the live one.
      createTransport: () => (this.transport = options.createTransport()),
      livenessPath: options.livenessPath,
      backoff: options.backoff,
      clock: options.clock,
    });
    this.supervisor.on('data', (chunk) => this.onData(chunk));
    this.supervisor.on('lost', () => this.onLost('The port was lost while waiting for the answer.'));
    this.supervisor.on('state', (state) => {
      const open = state === 'online';
      if (open === this.portOpen) return;
      this.portOpen = open;
      if (open) this.framer.reset();
      this.emit('port', open);
    });
  }

  /** When the last request was written (monotonic ms, `Clock.monotonicMs`); `undefined` before the first. */
  get lastSentAtMs(): number | undefined {
    return this.lastSent;
  }

  get isOpen(): boolean {
    return this.portOpen;
  }

  /** Why the port is not open, in plain words (empty while open). */
  get detail(): string {
    // The supervisor words its reasons for card readers.
    return this.portOpen ? '' : this.supervisor.detail
      .replace("The reader's port", 'The port')
      .replace('The reader was disconnected', 'The locker bus was disconnected')
      .replace('Cannot open the reader', 'Cannot open the locker bus');
  }

  start(): void {
    this.supervisor.start();
  }

  async stop(): Promise<void> {
    this.onLost('The locker bus was stopped.');
    await this.supervisor.stop();
  }

  /** Closes the port and reopens it (backoff as after a loss); `detail` is the reason shown meanwhile. */
  reopen(detail: string): void {
    this.supervisor.reopen(detail);
  }

  /**
   * Writes one request and waits up to `timeoutMs` (default: the reply timeout) for its
   * answer, counting only time the process could read: when the event loop was stalled past
   * the deadline, the wait starts again (at most `MAX_DEAF_REARMS` times). Never rejects.
   */
  async exchange(request: LockerRequest, timeoutMs = this.options.replyTimeoutMs): Promise<AttemptResult> {
    const board = this.options.boards.get(request.board);
    if (board === undefined) throw new RangeError(`board ${request.board} is not on this bus`);
    if (!this.portOpen) return { kind: 'lost', sent: false, detail: this.detail };
    const waitMs = this.lastEndMs + this.options.turnaroundMs - this.clock.monotonicMs();
    if (waitMs > 0) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, waitMs));
    const transport = this.transport;
    if (!this.portOpen || transport === undefined) return { kind: 'lost', sent: false, detail: this.detail };

    const bytes = this.options.protocol.encodeRequest(request, board);
    this.framer.reset();
    this.framer.expect(request);
    return new Promise<AttemptResult>((resolve) => {
      const sentAtMs = this.clock.monotonicMs();
      const pending: Pending = { request, sentAtMs, resolve, timer: undefined, dueMs: sentAtMs, rearms: 0 };
      this.lastSent = pending.sentAtMs;
      this.pending = pending;
      this.arm(pending, bytes, timeoutMs);
      transport.write(bytes).catch((error: unknown) => {
        this.finish(pending, { kind: 'write-failed', detail: error instanceof Error ? error.message : String(error) });
      });
    });
  }

  private onData(chunk: Uint8Array): void {
    this.handle(this.framer.push(chunk, this.clock.monotonicMs()));
  }

  private handle(outputs: FramerOutput<LockerReply>[]): void {
    const now = this.clock.monotonicMs();
    for (const output of outputs) {
      const pending = this.pending;
      if (output.type === 'fault') {
        // Between transactions stray bytes are simply dropped. During one, a corrupt answer
        // ends the attempt at once; other noise may still be followed by the real answer.
        if (pending && (output.reason === 'bad-checksum' || output.reason === 'oversize')) {
          this.finish(pending, { kind: 'bad-frame', detail: `${output.reason}: ${output.detail}` });
        } else if (pending) {
          pending.noise ??= `${output.reason}: ${output.detail}`;
        }
        continue;
      }
      if (output.kind === 'door-report') {
        this.emit('report', output);
        continue;
      }
      if (pending && answers(pending.request, output)) {
        this.finish(pending, { kind: 'reply', reply: output, sentAtMs: pending.sentAtMs, atMs: now });
      }
      // Anything else is a late answer to an attempt already given up on: ignored.
    }
  }

  private arm(pending: Pending, sent: Uint8Array, timeoutMs: number): void {
    pending.dueMs = this.clock.monotonicMs() + timeoutMs;
    pending.timer = this.clock.setTimeout(() => this.timeout(pending, sent, timeoutMs), timeoutMs);
  }

  private timeout(pending: Pending, sent: Uint8Array, timeoutMs: number): void {
    // A timer that comes late means the loop was stalled (a burst of taps, a long GC): the
    // answer may be sitting unread in the OS buffer, and libuv runs expired timers before the
    // poll phase that would read it. The wait counts only time the process could read, so it
    // starts again now that it can; the board is not blamed for our own deafness.
    if (this.clock.monotonicMs() - pending.dueMs > LATE_TOLERANCE_MS && pending.rearms < MAX_DEAF_REARMS) {
      pending.rearms += 1;
      this.arm(pending, sent, timeoutMs);
      return;
    }
    // Whatever is held is now as complete as it will get: judge it before giving up.
    this.handle(this.framer.flush(Number.POSITIVE_INFINITY));
    if (this.pending !== pending) return;
    this.finish(pending, pending.noise !== undefined
      ? { kind: 'bad-frame', detail: `no valid answer to ${toHex(sent)} within ${timeoutMs} ms (${pending.noise})` }
      : { kind: 'no-reply', detail: `no answer to ${toHex(sent)} within ${timeoutMs} ms` });
  }

  private onLost(detail: string): void {
    this.framer.reset();
    if (this.pending) this.finish(this.pending, { kind: 'lost', sent: true, detail });
  }

  private finish(pending: Pending, result: AttemptResult): void {
    if (this.pending !== pending) return;
    this.pending = undefined;
    this.clock.clearTimeout(pending.timer);
    this.framer.expect(undefined);
    this.lastEndMs = this.clock.monotonicMs();
    pending.resolve(result);
  }
}

/** Whether `reply` is the answer to `request` (same kind, board and lock). */
function answers(request: LockerRequest, reply: LockerReply): boolean {
  if (reply.board !== request.board) return false;
  switch (request.kind) {
    case 'open':
      return reply.kind === 'open-result' && reply.lock === request.lock;
    case 'query-board':
      return reply.kind === 'board-status';
    case 'query-lock':
      return reply.kind === 'lock-status' && reply.lock === request.lock;
    case 'hold-power':
      return reply.kind === 'power-ack' && reply.lock === request.lock;
    case 'open-all':
      return reply.kind === 'open-all-ack';
  }
}
