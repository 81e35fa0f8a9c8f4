import { afterEach, describe, expect, it } from 'vitest';
import type { LockerBus } from '../drivers/locker-bus/locker-bus';
import { createLockerBuses } from './create-locker-buses';
import { parseDevicesConfig } from './device-config';

const buses: LockerBus[] = [];
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.stop();
});

function config(json: unknown) {
  const result = parseDevicesConfig(json);
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

describe('devices.json lockerBuses', () => {
  it('is optional: a file with readers only has no locker buses', () => {
    expect(config({ readers: [] }).lockerBuses).toEqual([]);
  });

  it('fills in the protocol baud rate, board size, polarity and open-all', () => {
    const parsed = config({
      readers: [],
      lockerBuses: [
        { id: 'wall-a', name: 'Wall A', protocol: '8a80', path: '/dev/serial/by-id/usb-FTDI-if00', boards: [{ address: 1 }, { address: 2, channels: 16, polarity: 'open-is-set', openAll: false }] },
        { id: 'wall-b', name: 'Wall B', protocol: 'kerong-cu16', path: 'COM5', baudRate: 9600, boards: [{ address: 0 }], pollIntervalMs: 500, replyTimeoutMs: 300 },
      ],
    });
    expect(parsed.lockerBuses).toEqual([
      {
        id: 'wall-a', name: 'Wall A', protocol: '8a80', path: '/dev/serial/by-id/usb-FTDI-if00', baudRate: 9600,
        boards: [{ address: 1, channels: 24, polarity: 'closed-is-set', openAll: true }, { address: 2, channels: 16, polarity: 'open-is-set', openAll: false }],
      },
      {
        id: 'wall-b', name: 'Wall B', protocol: 'kerong-cu16', path: 'COM5', baudRate: 9600,
        boards: [{ address: 0, channels: 16, polarity: 'closed-is-set', openAll: true }], pollIntervalMs: 500, replyTimeoutMs: 300,
      },
    ]);
    expect(config({ readers: [], lockerBuses: [{ id: 'k', name: 'K', protocol: 'kerong-cu16', path: 'COM5', boards: [{ address: 15 }] }] }).lockerBuses[0]?.baudRate).toBe(19200);
  });

  it('names each problem with where it is', () => {
    const bus = { id: 'wall-a', name: 'Wall A', protocol: '8a80', path: '/dev/ttyUSB0' };
    expect(parseDevicesConfig({ readers: [], lockerBuses: [{ ...bus, boards: [{ address: 0 }, { address: 33 }, { address: 2, channels: 12 }, { address: 2 }] }] })).toEqual({
      ok: false,
      message: 'lockerBuses.0.boards.0.address: must be 1–32 for 8a80 boards; lockerBuses.0.boards.1.address: must be 1–32 for 8a80 boards; '
        + 'lockerBuses.0.boards.2.channels: must be one of 8, 16, 24, 32 for 8a80 boards; lockerBuses.0.boards.3.address: board 2 is listed twice',
    });
    expect(parseDevicesConfig({ readers: [], lockerBuses: [{ ...bus, protocol: 'kerong-cu16', boards: [{ address: 16 }, { address: 1, channels: 24 }] }] })).toEqual({
      ok: false,
      message: 'lockerBuses.0.boards.0.address: must be 0–15 for kerong-cu16 boards; lockerBuses.0.boards.1.channels: must be one of 16 for kerong-cu16 boards',
    });
    expect(parseDevicesConfig({ readers: [], lockerBuses: [{ ...bus, protocol: 'wkly', boards: [] }] })).toEqual({
      ok: false, message: 'lockerBuses.0.protocol: must be one of 8a80, kerong-cu16; lockerBuses.0.boards: must list at least one board',
    });
    expect(parseDevicesConfig({ readers: [], lockerBuses: [{ id: 'a', name: 'A', protocol: '8a80', boards: [{ address: 1, polarity: 'up' }] }] })).toEqual({
      ok: false,
      message: 'lockerBuses.0.path: must be the serial port, e.g. "/dev/serial/by-id/usb-…" or "COM5"; lockerBuses.0.boards.0.polarity: must be "closed-is-set" or "open-is-set"',
    });
    expect(parseDevicesConfig({ readers: [], lockerBuses: [{ ...bus, boards: [{ address: 1 }] }, { ...bus, boards: [{ address: 1 }] }] })).toEqual({
      ok: false, message: 'lockerBuses.1.id: "wall-a" is used by another locker bus',
    });
    expect(parseDevicesConfig({ readers: [], lockerBuses: [{ ...bus, boards: [{ address: 1 }], pollIntervalMs: 10, baud: 9600 }] }))
      .toMatchObject({ ok: false, message: expect.stringMatching(/^lockerBuses\.0\.pollIntervalMs: must be at least 100 ms; lockerBuses\.0: .*"baud"$/) });
  });

  it('builds one unstarted bus per entry', async () => {
    const made = createLockerBuses(config({
      readers: [],
      lockerBuses: [
        { id: 'wall-a', name: 'Wall A', protocol: '8a80', path: '/dev/does-not-exist', boards: [{ address: 1 }, { address: 2, channels: 32, openAll: false }] },
        { id: 'sim', name: 'Sim', protocol: 'kerong-cu16', path: '/tmp/none', simulatorPath: '/tmp/none-device', boards: [{ address: 0 }] },
      ],
    }));
    buses.push(...made);
    expect(made.map((b) => [b.id, b.name, b.protocol, b.simulated, b.state, b.detail, b.boards])).toEqual([
      ['wall-a', 'Wall A', '8a80', false, 'offline', 'Not started.', [{ address: 1, channels: 24, openAll: true }, { address: 2, channels: 32, openAll: false }]],
      ['sim', 'Sim', 'kerong-cu16', true, 'offline', 'Not started.', [{ address: 0, channels: 16, openAll: true }]],
    ]);
    const [wall] = made;
    await wall?.start();
    const deadline = Date.now() + 2000;
    while (!wall?.detail.startsWith('Cannot open') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(wall?.state).toBe('offline');
    expect(wall?.detail).toMatch(/^Cannot open the locker bus: Cannot open \/dev\/does-not-exist: .* Retrying in 250 ms\.$/);
    expect(await wall?.open(1, 1)).toMatchObject({ ok: false, reason: 'bus-offline', attempts: 0 });
    expect(await wall?.openBoard(1)).toMatchObject({ ok: false, reason: 'bus-offline' });
    expect(await wall?.openBoard(2)).toMatchObject({ ok: false, reason: 'unsupported' });
  });
});
