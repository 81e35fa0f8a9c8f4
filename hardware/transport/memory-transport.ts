import type { Transport } from './transport';
import { TransportBase } from './transport-base';

/**
 * One end of an in-process byte pipe. Bytes written on one end arrive as one `data` chunk on
 * the other (in a microtask, like a real port never delivers synchronously), but only while
 * both ends are open; otherwise they are lost, as on a serial line with nobody listening.
 * Ends can be reopened after `close()`, so a supervisor's factory may return the same end.
 */
export class MemoryTransport extends TransportBase implements Transport {
  peer: MemoryTransport | undefined;
  private open_ = false;
  private openFailure: string | undefined;

  constructor(readonly path: string) {
    super();
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.openFailure !== undefined) throw new Error(`Cannot open ${this.path}: ${this.openFailure}`);
    if (this.open_) throw new Error(`${this.path} is already open`);
    this.open_ = true;
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.emit('close');
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw new Error(`${this.path} is not open`);
    const peer = this.peer;
    const copy = Uint8Array.from(bytes);
    queueMicrotask(() => {
      if (peer?.open_ && this.open_) peer.emit('data', copy);
    });
  }

  /** Test control: makes later `open()` calls fail with `reason` (undefined: succeed again). */
  failOpens(reason: string | undefined): void {
    this.openFailure = reason;
  }

  /** Test control: the device vanished — emits `error` then `close`, as adapters do on unplug. */
  simulateLoss(reason = 'device disconnected'): void {
    if (!this.open_) return;
    this.open_ = false;
    this.emitError(new Error(reason));
    this.emit('close');
  }
}

/** Two connected ends: `host` (the driver's side) and `device` (the simulator's side). */
export function createTransportPair(hostPath = 'memory:host', devicePath = 'memory:device'): { host: MemoryTransport; device: MemoryTransport } {
  const host = new MemoryTransport(hostPath);
  const device = new MemoryTransport(devicePath);
  host.peer = device;
  device.peer = host;
  return { host, device };
}
