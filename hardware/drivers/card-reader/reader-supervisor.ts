import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import type { Transport } from '../../transport/transport';
import { systemClock, type Clock } from '../clock';
import type { ReaderState } from './card-reader';

/** Reopen delays: `initialMs` × `factor` per failed attempt, at most `maxMs`. */
export interface BackoffOptions {
  /** First delay after a failure or loss, ms. Default 250. */
  readonly initialMs?: number;
  /** Growth per further failure. Default 2. */
  readonly factor?: number;
  /** Longest delay, ms. Default 2000, so a replugged device is back within ~2 s of reappearing. */
  readonly maxMs?: number;
}

export interface ReaderSupervisorOptions {
  /** Makes the transport to open; called again for every reopen. A throw counts as a failed open. */
  readonly createTransport: () => Transport;
  /**
   * A path that must exist while the device is plugged in (a tty or its by-id link). Checked
   * every `livenessIntervalMs`: a silent serial reader gives no other sign of an unplug.
   */
  readonly livenessPath?: string;
  /** Liveness check period, ms. Default 1000. */
  readonly livenessIntervalMs?: number;
  readonly pathExists?: (path: string) => boolean;
  readonly backoff?: BackoffOptions;
  readonly clock?: Clock;
}

export interface ReaderSupervisorEvents {
  state: [state: ReaderState];
  /** Bytes from the device while online. */
  data: [chunk: Uint8Array];
  /** The open transport went away (bytes held by a framer are now meaningless). */
  lost: [];
}

/**
 * Keeps one transport open: on a failed open, an error/close, or a vanished device path it
 * goes `offline` with a plain-words `detail` and reopens with backoff until `stop()`.
 * Emits `state` only when the state changes.
 */
export class ReaderSupervisor extends EventEmitter<ReaderSupervisorEvents> {
  private state_: ReaderState = 'offline';
  private detail_ = 'Not started.';
  private transport: Transport | undefined;
  private failures = 0;
  private retryTimer: unknown;
  private livenessTimer: unknown;
  private running = false;
  /** Bumped on every open attempt and stop, so late callbacks from an old attempt are ignored. */
  private generation = 0;
  private readonly clock: Clock;
  private readonly pathExists: (path: string) => boolean;
  private readonly backoff: Required<BackoffOptions>;

  constructor(private readonly options: ReaderSupervisorOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.pathExists = options.pathExists ?? existsSync;
    this.backoff = { initialMs: 250, factor: 2, maxMs: 2000, ...options.backoff };
  }

  get state(): ReaderState {
    return this.state_;
  }

  get detail(): string {
    return this.detail_;
  }

  /** Starts opening; returns at once. Idempotent while running. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.detail_ = 'Connecting…';
    void this.attempt();
  }

  /** Closes the transport and cancels retries. Idempotent. */
  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    this.clearTimers();
    const transport = this.detach();
    this.setState('offline', 'Stopped.');
    if (transport) await transport.close().catch(() => undefined);
  }

  private async attempt(): Promise<void> {
    const generation = ++this.generation;
    let transport: Transport;
    try {
      transport = this.options.createTransport();
      await transport.open();
    } catch (error) {
      if (generation !== this.generation) return;
      this.retry(`Cannot open the reader: ${sentence(message(error))}`);
      return;
    }
    if (generation !== this.generation) {
      await transport.close().catch(() => undefined);
      return;
    }
    this.transport = transport;
    transport.on('data', this.onData);
    transport.on('error', this.onError);
    transport.on('close', this.onClose);
    this.failures = 0;
    this.lastError = undefined;
    if (this.options.livenessPath !== undefined) {
      this.livenessTimer = this.clock.setInterval(this.checkLiveness, this.options.livenessIntervalMs ?? 1000);
    }
    this.setState('online', '');
  }

  private lastError: string | undefined;
  private readonly onData = (chunk: Uint8Array): void => {
    this.emit('data', chunk);
  };
  private readonly onError = (error: Error): void => {
    this.lastError = error.message;
  };
  private readonly onClose = (): void => {
    this.lose(`The reader was disconnected${this.lastError ? ` (${this.lastError})` : ''}.`);
  };

  /**
   * Closes the open transport and opens it again after the usual backoff, with `detail` as the
   * reason while offline. For a device whose path is still there but which has gone deaf (a
   * wedged USB adapter). Does nothing unless online.
   */
  reopen(detail: string): void {
    const transport = this.transport;
    if (!this.running || transport === undefined) return;
    this.lose(detail);
    // Listeners are already detached, so this close does not report the loss twice.
    void transport.close().catch(() => undefined);
  }

  private readonly checkLiveness = (): void => {
    const path = this.options.livenessPath;
    if (path === undefined || this.pathExists(path)) return;
    this.reopen(`The reader's port ${path} is gone (unplugged?).`);
  };

  private lose(detail: string): void {
    if (!this.running) return;
    this.clearTimers();
    this.detach();
    this.emit('lost');
    this.retry(detail);
  }

  private retry(detail: string): void {
    const delay = Math.min(this.backoff.initialMs * this.backoff.factor ** this.failures, this.backoff.maxMs);
    this.failures++;
    this.setState('offline', `${detail} Retrying in ${formatDelay(delay)}.`);
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.running) void this.attempt();
    }, delay);
  }

  private detach(): Transport | undefined {
    const transport = this.transport;
    this.transport = undefined;
    if (transport) {
      transport.off('data', this.onData);
      transport.off('error', this.onError);
      transport.off('close', this.onClose);
    }
    return transport;
  }

  private clearTimers(): void {
    if (this.retryTimer !== undefined) this.clock.clearTimeout(this.retryTimer);
    if (this.livenessTimer !== undefined) this.clock.clearInterval(this.livenessTimer);
    this.retryTimer = undefined;
    this.livenessTimer = undefined;
  }

  private setState(state: ReaderState, detail: string): void {
    this.detail_ = detail;
    if (state === this.state_) return;
    this.state_ = state;
    this.emit('state', state);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Error messages rarely end in a full stop; the detail reads as sentences. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}
