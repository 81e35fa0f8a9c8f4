import { describe, expect, it } from 'vitest';
import { createTransportPair } from './memory-transport';

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('memory transport pair', () => {
  it('delivers a copy of written bytes to the other end, asynchronously', async () => {
    const { host, device } = createTransportPair();
    await host.open();
    await device.open();
    const got: Uint8Array[] = [];
    host.on('data', (c) => got.push(c));
    const bytes = Uint8Array.of(1, 2, 3);
    const written = device.write(bytes);
    bytes[0] = 9;
    expect(got).toEqual([]);
    await written;
    await tick();
    expect(got).toEqual([Uint8Array.of(1, 2, 3)]);
  });

  it('drops bytes when the other end is closed, and rejects writes on a closed end', async () => {
    const { host, device } = createTransportPair();
    await device.open();
    const got: Uint8Array[] = [];
    host.on('data', (c) => got.push(c));
    await device.write(Uint8Array.of(1));
    await tick();
    expect(got).toEqual([]);
    await expect(host.write(Uint8Array.of(1))).rejects.toThrow('memory:host is not open');
  });

  it('fails opens on request and emits error then close on simulated loss', async () => {
    const { host } = createTransportPair('a', 'b');
    host.failOpens('unplugged');
    await expect(host.open()).rejects.toThrow('Cannot open a: unplugged');
    host.failOpens(undefined);
    await host.open();
    const events: string[] = [];
    host.on('error', (e) => events.push(e.message));
    host.on('close', () => events.push('close'));
    host.simulateLoss('gone');
    expect(events).toEqual(['gone', 'close']);
    await host.close();
    expect(events).toEqual(['gone', 'close']);
    await host.open();
    expect(host.isOpen).toBe(true);
  });
});
