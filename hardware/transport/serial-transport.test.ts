import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../simulators/pty-pair';
import { waitUntil } from '../testing/wait-until';
import { SerialTransport } from './serial-transport';

let dir: string;
let pair: PtyPair;
const opened: SerialTransport[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serial-transport-'));
  pair = await openPtyPair({ hostLink: join(dir, 'host'), deviceLink: join(dir, 'device') });
});
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
  await pair.close();
  rmSync(dir, { recursive: true, force: true });
});
function transport(path: string): SerialTransport {
  const t = new SerialTransport({ path });
  opened.push(t);
  return t;
}

describe('SerialTransport on a real pty pair', () => {
  it('carries exact bytes at 9600 8N1 both ways', async () => {
    const host = transport(pair.hostPath);
    const device = transport(pair.devicePath);
    await host.open();
    await device.open();
    expect(host.isOpen).toBe(true);
    const atHost: number[] = [];
    const atDevice: number[] = [];
    host.on('data', (c) => atHost.push(...c));
    device.on('data', (c) => atDevice.push(...c));
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    await device.write(all);
    await host.write(Uint8Array.from([0x8a, 0x01, 0x00, 0x11, 0x9a]));
    await waitUntil(() => atHost.length >= 256 && atDevice.length >= 5, 'both directions');
    expect(atHost).toEqual(Array.from(all));
    expect(atDevice).toEqual([0x8a, 0x01, 0x00, 0x11, 0x9a]);
  });

  it('rejects open with the path and the reason when the device is not there', async () => {
    const t = transport(join(dir, 'missing'));
    await expect(t.open()).rejects.toThrow(`Cannot open ${join(dir, 'missing')}: `);
    expect(t.isOpen).toBe(false);
  });

  it('rejects writes when not open', async () => {
    await expect(transport(pair.hostPath).write(Uint8Array.of(1))).rejects.toThrow('is not open');
  });

  // On hangup serialport sometimes notices at once and sometimes only at the next I/O (as with
  // many USB serial drivers); the supervisor's liveness check covers silent readers. Either
  // way the write must fail: with EIO if it is what reveals the loss.
  it('emits error then close when the other side vanishes, and can be reopened on a new pair', async () => {
    const host = transport(pair.hostPath);
    await host.open();
    const events: string[] = [];
    host.on('error', (e) => events.push(`error:${e.message}`));
    host.on('close', () => events.push('close'));
    await pair.close();
    await expect(host.write(Uint8Array.of(1))).rejects.toThrow(/Write to .* failed: EIO|is not open/);
    await waitUntil(() => events.includes('close'), 'close after loss');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatch(/^error:/);
    expect(events[1]).toBe('close');
    expect(host.isOpen).toBe(false);
    await expect(host.open()).rejects.toThrow('Cannot open');

    pair = await openPtyPair({ hostLink: join(dir, 'host'), deviceLink: join(dir, 'device') });
    await host.open();
    expect(host.isOpen).toBe(true);
  });

  it('survives loss with no error listener (no crash), still emitting close', async () => {
    const host = transport(pair.hostPath);
    await host.open();
    let closed = 0;
    host.on('close', () => closed++);
    await pair.close();
    await expect(host.write(Uint8Array.of(1))).rejects.toThrow(/EIO|is not open/);
    await waitUntil(() => closed === 1, 'close');
  });

  it('closes idempotently with exactly one close event', async () => {
    const host = transport(pair.hostPath);
    await host.open();
    let closed = 0;
    host.on('close', () => closed++);
    await Promise.all([host.close(), host.close()]);
    await host.close();
    expect(closed).toBe(1);
    expect(host.isOpen).toBe(false);
  });
});
