/**
 * Emergency open-all on the wire: the real locker-bus driver and the board simulator on the
 * two sides of a socat pty pair, both through the real serialport binding, for each
 * protocol. What the board hears is recorded on its side of the tty, so the test checks the
 * exact bytes the driver sent, not what it meant to send.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../hardware/codecs/framer';
import type { LockerBus } from '../../hardware/drivers/locker-bus/locker-bus';
import { createLockerBus } from '../../hardware/drivers/locker-bus/serial-locker-bus';
import type { BoardSettings, LockerProtocol } from '../../hardware/lockers/locker-protocol';
import { bcc8a80, kerongCu16 } from '../../hardware/lockers/protocols/index';
import { LockerBoardSimulator } from '../../hardware/simulators/locker-board-simulator';
import { openPtyPair, type PtyPair } from '../../hardware/simulators/pty-pair';
import { waitUntil } from '../../hardware/testing/wait-until';
import { SerialTransport } from '../../hardware/transport/serial-transport';

let dir: string | undefined;
let pair: PtyPair | undefined;
let device: SerialTransport | undefined;
let sim: LockerBoardSimulator | undefined;
let bus: LockerBus | undefined;
let wire: number[] = [];

async function setUp(protocol: LockerProtocol, boards: BoardSettings[]): Promise<LockerBus> {
  dir = mkdtempSync(join(tmpdir(), 'open-all-'));
  pair = await openPtyPair({ hostLink: join(dir, 'bus-host'), deviceLink: join(dir, 'bus-device') });
  device = new SerialTransport({ path: pair.devicePath, baudRate: protocol.defaultBaudRate });
  await device.open();
  device.on('data', (chunk) => wire.push(...chunk));
  sim = new LockerBoardSimulator(device, { protocol, boards, openAllPulseMs: 2 });
  sim.start();
  const hostPath = pair.hostPath;
  // No heartbeat after the first reading, so nothing but the emergency command is on the wire.
  bus = createLockerBus({
    id: 'wall', name: 'Wall', protocol, boards, pollIntervalMs: 60_000, openAllMsPerLock: 100,
    createTransport: () => new SerialTransport({ path: hostPath, baudRate: protocol.defaultBaudRate }),
  });
  await bus.start();
  const started = bus;
  await waitUntil(() => started.state === 'online', 'the bus online');
  return started;
}

afterEach(async () => {
  await bus?.stop();
  sim?.stop();
  await device?.close();
  await pair?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  bus = undefined;
  sim = undefined;
  device = undefined;
  pair = undefined;
  dir = undefined;
  wire = [];
});

const openLocks = (b: LockerBus, board: number) => b.doors().filter((d) => d.board === board && !d.closed).map((d) => d.lock);
const every = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('emergency open-all over a pty pair', () => {
  it('8A/80: exactly 8A 01 00 11 9A, then one query; every door reads open', async () => {
    const b = await setUp(bcc8a80, [{ address: 1, channels: 24, polarity: 'closed-is-set' }, { address: 2, channels: 8, polarity: 'open-is-set' }]);
    wire = [];
    const outcome = await b.openBoard(1);
    expect(toHex(wire, 64)).toBe('8A 01 00 11 9A 80 01 00 33 B2');
    expect(outcome).toMatchObject({ ok: true, opened: every(24), stillShut: [] });
    expect(openLocks(b, 1)).toEqual(every(24));
    expect(every(24).every((lock) => sim?.door(1, lock).closed === false)).toBe(true);
    // The other board was not touched.
    expect(openLocks(b, 2)).toEqual([]);
    wire = [];
    expect(await b.openBoard(2)).toMatchObject({ ok: true, opened: every(8), stillShut: [] });
    expect(toHex(wire, 64)).toBe('8A 02 00 11 99 80 02 00 33 B1');
  });

  it('CU16: exactly 02 00 33 03 38, then one status query; every hook reads unlocked', async () => {
    const b = await setUp(kerongCu16, [{ address: 0, channels: 16, polarity: 'closed-is-set' }]);
    wire = [];
    const outcome = await b.openBoard(0);
    expect(toHex(wire, 64)).toBe('02 00 33 03 38 02 00 30 03 35');
    expect(outcome).toMatchObject({ ok: true, opened: every(16), stillShut: [] });
    expect(openLocks(b, 0)).toEqual(every(16));
  });

  it('a board that ignores the command: one write, no answer, nothing opened, and the bus stays online', async () => {
    const b = await setUp(bcc8a80, [{ address: 1, channels: 8, polarity: 'closed-is-set' }]);
    sim?.inject({ kind: 'ignores-open-all' });
    wire = [];
    const outcome = await b.openBoard(1);
    expect(outcome).toMatchObject({ ok: false, reason: 'no-reply' });
    expect(toHex(wire, 64)).toBe('8A 01 00 11 9A');
    expect(openLocks(b, 1)).toEqual([]);
    expect(b.state).toBe('online');
  });
});
