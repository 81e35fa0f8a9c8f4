import { EventEmitter } from 'node:events';
import HID from 'node-hid';
import type { Transport } from './transport';
import { DEFAULT_CLOSE_TIMEOUT_MS, TransportBase, asError, settleWithin } from './transport-base';

/** Which HID device: its OS path (`/dev/hidraw3`, `\\?\hid#…`) or its USB ids (first match). */
export type HidDeviceRef = { readonly path: string } | { readonly vendorId: number; readonly productId: number };

/** The part of node-hid's `HIDAsync` the adapter uses. */
export interface HidDeviceHandle extends EventEmitter {
  close(): Promise<void>;
  write(values: number[] | Buffer): Promise<number>;
}

export interface HidTransportOptions {
  readonly device: HidDeviceRef;
  /** Longest `close()` waits, in milliseconds. Default 1000. */
  readonly closeTimeoutMs?: number;
  /** Opens the device; default node-hid `HIDAsync.open`. Injectable because CI has no HID devices. */
  readonly openDevice?: (device: HidDeviceRef) => Promise<HidDeviceHandle>;
}

/**
 * A HID device (node-hid 3, `HIDAsync`) as a `Transport`: each input report arrives as one
 * `data` chunk; `write` sends one output report (first byte the report id, 0 if none).
 * A read error (unplug) becomes `error` then `close`.
 */
export class HidTransport extends TransportBase implements Transport {
  readonly path: string;
  private readonly device: HidDeviceRef;
  private readonly closeTimeoutMs: number;
  private readonly openDevice: (device: HidDeviceRef) => Promise<HidDeviceHandle>;
  private handle: HidDeviceHandle | undefined;

  constructor(options: HidTransportOptions) {
    super();
    this.device = options.device;
    this.path = hidPath(options.device);
    this.closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
    this.openDevice = options.openDevice ?? openWithNodeHid;
  }

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  async open(): Promise<void> {
    if (this.handle) throw new Error(`${this.path} is already open`);
    let handle: HidDeviceHandle;
    try {
      handle = await this.openDevice(this.device);
    } catch (error) {
      throw new Error(`Cannot open ${this.path}: ${asError(error).message}`, { cause: error });
    }
    this.handle = handle;
    handle.on('data', (report: Buffer) => this.emit('data', Uint8Array.from(report)));
    handle.on('error', (error: unknown) => void this.lost(handle, asError(error)));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new Error(`${this.path} is not open`);
    try {
      await handle.write(Buffer.from(bytes));
    } catch (error) {
      throw new Error(`Write to ${this.path} failed: ${asError(error).message}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.handle = undefined;
    await this.release(handle);
    this.emit('close');
  }

  private async lost(handle: HidDeviceHandle, error: Error): Promise<void> {
    if (this.handle !== handle) return;
    this.handle = undefined;
    this.emitError(error);
    await this.release(handle);
    this.emit('close');
  }

  private async release(handle: HidDeviceHandle): Promise<void> {
    handle.removeAllListeners();
    handle.on('error', () => undefined);
    await settleWithin(handle.close(), this.closeTimeoutMs);
  }
}

export function hidPath(device: HidDeviceRef): string {
  if ('path' in device) return `hid:${device.path}`;
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `hid:${hex(device.vendorId)}:${hex(device.productId)}`;
}

function openWithNodeHid(device: HidDeviceRef): Promise<HidDeviceHandle> {
  return 'path' in device ? HID.HIDAsync.open(device.path) : HID.HIDAsync.open(device.vendorId, device.productId);
}
