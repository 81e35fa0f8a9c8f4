import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDevicesConfig, parseDevicesConfig } from './device-config';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('devices.json', () => {
  it('accepts every reader type and fills in the defaults', () => {
    const result = parseDevicesConfig({
      readers: [
        { id: 'door', name: 'Door reader', type: 'serial-em4100', path: '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0' },
        { id: 'desk', name: 'Desk', type: 'hid-keyboard', vendorId: '0x1a86', productId: 'e010' },
        { id: 'pos', name: 'POS', type: 'hid-vendor', path: '/dev/hidraw2', vendorFormat: 'qr-line', reportId: true },
        { id: 'bin', name: 'Binary', type: 'serial-binary', path: 'COM3', baudRate: 19200, byteOrder: 'reversed' },
        { id: 'qr', name: 'QR', type: 'serial-qr', path: '/dev/ttyACM0' },
        { id: 'sim', name: 'Simulated', type: 'simulated' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.readers[0]).toEqual({
      id: 'door', name: 'Door reader', type: 'serial-em4100', path: '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0',
      baudRate: 9600, byteOrder: 'as-read', vendorFormat: 'em4100-ascii', reportId: false,
    });
    expect(result.config.readers[1]).toMatchObject({ vendorId: 0x1a86, productId: 0xe010 });
    expect(result.config.readers[3]).toMatchObject({ baudRate: 19200, byteOrder: 'reversed' });
  });

  it('names each problem in plain words with where it is', () => {
    expect(parseDevicesConfig({ readers: [{ id: 'a b', name: '', type: 'serial-em4100' }] })).toEqual({
      ok: false,
      message: 'readers.0.id: must be 1–40 letters, digits, "-" or "_"; readers.0.name: must not be empty; '
        + 'readers.0.path: a serial-em4100 reader needs "path", e.g. "/dev/serial/by-id/usb-…" or "COM3"',
    });
    expect(parseDevicesConfig({ readers: [{ id: 'a', name: 'A', type: 'usb-magic' }] })).toEqual({
      ok: false, message: 'readers.0.type: must be one of serial-em4100, serial-binary, serial-qr, hid-keyboard, hid-vendor, simulated',
    });
    expect(parseDevicesConfig({ readers: [{ id: 'a', name: 'A', type: 'hid-vendor', vendorId: 1 }] })).toEqual({
      ok: false, message: 'readers.0.path: a hid-vendor reader needs "path", or both "vendorId" and "productId"',
    });
    expect(parseDevicesConfig({ readers: [{ id: 'a', name: 'A', type: 'simulated' }, { id: 'a', name: 'B', type: 'simulated' }] })).toEqual({
      ok: false, message: 'readers.1.id: "a" is used by another reader',
    });
    expect(parseDevicesConfig({ readers: [{ id: 'a', name: 'A', type: 'simulated', colour: 'red' }] })).toMatchObject({ ok: false, message: expect.stringMatching(/^readers\.0: .*colour/) });
    expect(parseDevicesConfig([])).toMatchObject({ ok: false, message: expect.stringMatching(/^\(top level\): /) });
    expect(parseDevicesConfig({ readers: [{ id: 'a', name: 'A', type: 'hid-keyboard', vendorId: 'zz', productId: 1 }] }))
      .toEqual({ ok: false, message: 'readers.0.vendorId: must be a USB id: a number up to 65535 or 1–4 hex digits like "1a86"' });
  });

  it('loads a file, and says what is wrong with a missing or broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'devices-'));
    dirs.push(dir);
    const file = join(dir, 'devices.json');
    expect(loadDevicesConfig(file)).toMatchObject({ ok: false, message: expect.stringMatching(/^Cannot read .*devices\.json: ENOENT/) });
    writeFileSync(file, '{ "readers": [ }');
    expect(loadDevicesConfig(file)).toMatchObject({ ok: false, message: expect.stringMatching(/devices\.json is not valid JSON: /) });
    writeFileSync(file, '{ "readers": 3 }');
    expect(loadDevicesConfig(file)).toMatchObject({ ok: false, message: expect.stringMatching(/devices\.json is invalid: readers: /) });
    writeFileSync(file, JSON.stringify({ readers: [{ id: 'sim', name: 'Sim', type: 'simulated' }] }));
    expect(loadDevicesConfig(file)).toMatchObject({ ok: true, config: { readers: [{ id: 'sim' }] } });
  });
});
