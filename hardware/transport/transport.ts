/**
 * A byte pipe to one device. Adapters exist for serialport and node-hid; tests and the
 * built-in simulators use the same interface, so drivers never know which they have.
 *
 * Guarantees every adapter keeps:
 * - `open()` resolves once bytes can flow, or rejects with a readable reason.
 * - `write()` rejects when the transport is not open or the OS write fails.
 * - `close()` is idempotent, never hangs (bounded internally), and ends with a `close` event.
 * - After an unexpected loss (unplug, I/O error) the adapter emits `error` then `close`;
 *   it never reopens by itself: supervisors decide when to retry.
 */
export interface Transport {
  /** Stable identity for logs and status, e.g. `/dev/serial/by-id/usb-…` or `hid:1a86:e010`. */
  readonly path: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'close', listener: () => void): this;
  off(event: 'data', listener: (chunk: Uint8Array) => void): this;
  off(event: 'error', listener: (error: Error) => void): this;
  off(event: 'close', listener: () => void): this;
}
