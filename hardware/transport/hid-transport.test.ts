import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { HidTransport, hidPath, type HidDeviceHandle } from './hid-transport';

/** A stand-in device: this machine has no HID readers, so only the wiring is exercised here. */
class FakeDevice extends EventEmitter implements HidDeviceHandle {
  written: number[][] = [];
  closed = 0;
  async close(): Promise<void> { this.closed++; }
  async write(values: number[] | Buffer): Promise<number> { this.written.push([...values]); return values.length; }
}

describe('HidTransport', () => {
  it('names devices by path or by vendor/product id', () => {
    expect(hidPath({ path: '/dev/hidraw3' })).toBe('hid:/dev/hidraw3');
    expect(hidPath({ vendorId: 0x1a86, productId: 0xe010 })).toBe('hid:1a86:e010');
  });

  it('rejects open with node-hid\'s reason when the device does not exist (real node-hid)', async () => {
    await expect(new HidTransport({ device: { path: '/dev/hidraw-none' } }).open())
      .rejects.toThrow(/^Cannot open hid:\/dev\/hidraw-none: .*hidraw-none/);
    await expect(new HidTransport({ device: { vendorId: 0x1234, productId: 0x5678 } }).open())
      .rejects.toThrow(/^Cannot open hid:1234:5678: .*0x1234/);
  });

  it('passes reports as Uint8Array chunks and writes output reports', async () => {
    const device = new FakeDevice();
    const t = new HidTransport({ device: { path: 'x' }, openDevice: async () => device });
    await t.open();
    const got: Uint8Array[] = [];
    t.on('data', (c) => got.push(c));
    device.emit('data', Buffer.from([0, 0, 0x1e, 0, 0, 0, 0, 0]));
    expect(got).toEqual([Uint8Array.of(0, 0, 0x1e, 0, 0, 0, 0, 0)]);
    expect(got[0]).not.toBeInstanceOf(Buffer);
    await t.write(Uint8Array.of(0, 1, 2));
    expect(device.written).toEqual([[0, 1, 2]]);
  });

  it('turns a read error into error then close, once, and releases the device', async () => {
    const device = new FakeDevice();
    const t = new HidTransport({ device: { path: 'x' }, openDevice: async () => device });
    await t.open();
    const events: string[] = [];
    t.on('error', (e) => events.push(e.message));
    t.on('close', () => events.push('close'));
    device.emit('error', new Error('could not read from HID device'));
    device.emit('error', new Error('again'));
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual(['could not read from HID device', 'close']);
    expect(device.closed).toBe(1);
    expect(t.isOpen).toBe(false);
    await expect(t.write(Uint8Array.of(1))).rejects.toThrow('hid:x is not open');
  });

  it('bounds close when the device never finishes closing', async () => {
    const device = new FakeDevice();
    device.close = () => new Promise<void>(() => undefined);
    const t = new HidTransport({ device: { path: 'x' }, openDevice: async () => device, closeTimeoutMs: 20 });
    await t.open();
    let closed = 0;
    t.on('close', () => closed++);
    await t.close();
    expect(closed).toBe(1);
  });
});
