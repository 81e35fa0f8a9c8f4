/**
 * The device side's hold on its line, shared by every simulator: listening on the transport
 * while started, and replies sent after a delay that die when the simulator stops or the line
 * closes (as an answer lost on the wire would).
 */
import type { Clock } from '../drivers/clock';
import type { Transport } from '../transport/transport';

export class SimulatorLine {
  private readonly timers = new Set<unknown>();
  private listening = false;

  constructor(
    private readonly transport: Transport,
    private readonly clock: Clock,
    private readonly onData: (chunk: Uint8Array) => void,
  ) {}

  /** True between `start()` and `stop()`. */
  get running(): boolean {
    return this.listening;
  }

  /** Starts listening. Idempotent. */
  start(): void {
    if (this.listening) return;
    this.listening = true;
    this.transport.on('data', this.onData);
  }

  /** Stops listening and drops replies not yet sent. Returns false when it was already stopped. */
  stop(): boolean {
    if (!this.listening) return false;
    this.listening = false;
    this.transport.off('data', this.onData);
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
    return true;
  }

  /**
   * Writes `bytes` after `delayMs` (at once for 0: no turnaround, not a timer tick later),
   * unless the simulator stopped or the line closed meanwhile. A failed write is a reply lost
   * on the wire, not an error.
   */
  reply(bytes: Uint8Array, delayMs: number): void {
    const write = () => {
      if (!this.listening || !this.transport.isOpen) return;
      this.transport.write(bytes).catch(() => undefined);
    };
    if (delayMs === 0) return write();
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(timer);
      write();
    }, delayMs);
    this.timers.add(timer);
  }
}
