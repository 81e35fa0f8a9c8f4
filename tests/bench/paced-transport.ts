/**
 * A transport that sends like a real UART: each byte leaves no sooner than one byte-time
 * (10 bits at the baud rate) after the previous one, and `write()` resolves when the last
 * byte is out. A socat pty moves bytes instantly, so benchmarks wrap both ends in this to
 * measure against the wire time a real RS-485 line would take.
 */
import type { Transport } from '../../hardware/transport/transport';
import { wireTimeMs } from './stats';

type Listener = (...args: never[]) => void;

export class PacedTransport implements Transport {
  private readonly byteMs: number;
  /** When the line is next free, in performance.now() ms. */
  private lineFreeAt = 0;

  constructor(private readonly inner: Transport, baudRate: number) {
    this.byteMs = wireTimeMs(1, baudRate);
  }

  get path(): string {
    return this.inner.path;
  }

  get isOpen(): boolean {
    return this.inner.isOpen;
  }

  open(): Promise<void> {
    return this.inner.open();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * Each byte is handed to the inner transport when its stop bit has left the line (a
   * receiver has no byte before that), without waiting for the previous write to complete: a
   * UART shifts bytes out on its own clock. (Awaiting each one-byte write — a thread-pool
   * round trip in serialport — made the line slower than the baud rate at 19200, where a byte
   * lasts 0.52 ms.) Resolves when the last byte is out.
   */
  async write(bytes: Uint8Array): Promise<void> {
    const writes: Promise<void>[] = [];
    const start = Math.max(this.lineFreeAt, performance.now());
    for (let i = 0; i < bytes.length; i++) {
      await until(start + (i + 1) * this.byteMs);
      writes.push(this.inner.write(bytes.subarray(i, i + 1)));
    }
    this.lineFreeAt = start + bytes.length * this.byteMs;
    await Promise.all(writes);
  }

  on(event: 'data' | 'error' | 'close', listener: Listener): this {
    (this.inner.on as (event: string, listener: Listener) => Transport)(event, listener);
    return this;
  }

  off(event: 'data' | 'error' | 'close', listener: Listener): this {
    (this.inner.off as (event: string, listener: Listener) => Transport)(event, listener);
    return this;
  }
}

/** Busy-waits on the event loop (timers are too coarse for byte times near 0.5 ms). */
async function until(atMs: number): Promise<void> {
  while (performance.now() < atMs) await new Promise((resolve) => setImmediate(resolve));
}
