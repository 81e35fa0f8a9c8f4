import { autoDetect } from '@serialport/bindings-cpp';
import { SerialPortStream } from '@serialport/stream';
import type { Transport } from './transport';
import { DEFAULT_CLOSE_TIMEOUT_MS, TransportBase, asError, settleWithin } from './transport-base';

export interface SerialTransportOptions {
  /** Device path, preferably stable: `/dev/serial/by-id/…`, a udev symlink, or `COM3`. */
  readonly path: string;
  /** Bits per second. Default 9600. Always 8 data bits, no parity, 1 stop bit. */
  readonly baudRate?: number;
  /**
   * Take the port exclusively (TIOCEXCL on Unix). Default true; the simulators turn it off so
   * a second writer can share the device side of a pty pair.
   */
  readonly lock?: boolean;
  /** Longest `close()` waits for the OS, in milliseconds. Default 1000. */
  readonly closeTimeoutMs?: number;
}

/**
 * The OS binding, as `serialport`'s `SerialPort` picks it. The port class comes from
 * `@serialport/stream` rather than the `serialport` package, which also loads every parser it
 * ships (a dozen modules the station never uses, on every start).
 */
const binding = autoDetect();
type SerialPort = SerialPortStream<typeof binding>;

/**
 * A serial port (serialport 13) as a `Transport`. Each `open()` makes a fresh port object,
 * so reopening after an unplug picks up whatever the path points at now.
 */
export class SerialTransport extends TransportBase implements Transport {
  readonly path: string;
  private readonly baudRate: number;
  private readonly lock: boolean;
  private readonly closeTimeoutMs: number;
  private port: SerialPort | undefined;

  constructor(options: SerialTransportOptions) {
    super();
    this.path = options.path;
    this.baudRate = options.baudRate ?? 9600;
    this.lock = options.lock ?? true;
    this.closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.port) throw new Error(`${this.path} is already open`);
    const port: SerialPort = new SerialPortStream({
      binding,
      path: this.path, baudRate: this.baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false, lock: this.lock,
    });
    await new Promise<void>((resolve, reject) => {
      port.open((error) => (error ? reject(new Error(`Cannot open ${this.path}: ${error.message}`)) : resolve()));
    });
    this.port = port;
    port.on('data', (chunk: Buffer) => this.emit('data', new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
    // serialport reports an unplug as `close` with a "disconnected" error; our contract is error, then close.
    port.on('close', (error: Error | null) => this.lost(port, error ?? new Error(`${this.path} closed unexpectedly`)));
    port.on('error', (error: Error) => this.lost(port, error));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new Error(`${this.path} is not open`);
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes), (error) => (error ? reject(new Error(`Write to ${this.path} failed: ${error.message}`)) : resolve()));
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.port = undefined;
    port.removeAllListeners();
    port.on('error', () => undefined); // a late error from a port we are abandoning is not news
    if (port.isOpen) {
      await settleWithin(new Promise<void>((resolve, reject) => port.close((e) => (e ? reject(e) : resolve()))), this.closeTimeoutMs);
    }
    this.emit('close');
  }

  private lost(port: SerialPort, error: Error): void {
    if (this.port !== port) return;
    this.port = undefined;
    port.removeAllListeners();
    port.on('error', () => undefined);
    this.emitError(asError(error));
    if (port.isOpen) port.close(() => undefined);
    this.emit('close');
  }
}
