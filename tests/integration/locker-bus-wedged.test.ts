/**
 * A wedged USB-RS485 adapter through real ttys: the board simulator on a socat pty pair is told
 * to stop answering (`board-offline`, as `npm run sim -- locker offline` does) while the pty
 * stays, so the liveness path watch sees nothing wrong. The bus must close and reopen its port
 * by itself, and come back online once the board answers again.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LockerBus } from '../../hardware/drivers/locker-bus/locker-bus';
import { createLockerBus } from '../../hardware/drivers/locker-bus/serial-locker-bus';
import type { BoardSettings } from '../../hardware/lockers/locker-protocol';
import { bcc8a80 } from '../../hardware/lockers/protocols/index';
import { LockerBoardSimulator } from '../../hardware/simulators/locker-board-simulator';
import { openPtyPair, type PtyPair } from '../../hardware/simulators/pty-pair';
import { applySimCommand } from '../../hardware/simulators/sim-control';
import { waitUntil } from '../../hardware/testing/wait-until';
import { SerialTransport } from '../../hardware/transport/serial-transport';

const BOARDS: BoardSettings[] = [{ address: 1, channels: 16, polarity: 'closed-is-set' }];

let dir: string;
let pair: PtyPair;
let device: SerialTransport;
let simulator: LockerBoardSimulator;
let bus: LockerBus | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'locker-wedged-'));
  pair = await openPtyPair({ hostLink: join(dir, 'host'), deviceLink: join(dir, 'device') });
  device = new SerialTransport({ path: pair.devicePath, baudRate: 9600 });
  await device.open();
  simulator = new LockerBoardSimulator(device, { protocol: bcc8a80, boards: BOARDS });
  simulator.start();
});
afterEach(async () => {
  await bus?.stop();
  bus = undefined;
  simulator.stop();
  await device.close();
  await pair.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reopens a port whose board went silent while the pty stayed, and is online again once it answers', async () => {
  const hostLink = join(dir, 'host');
  let opens = 0;
  const b = createLockerBus({
    id: 'wall', name: 'Wall', protocol: bcc8a80, boards: BOARDS,
    createTransport: () => {
      opens++;
      return new SerialTransport({ path: hostLink, baudRate: 9600 });
    },
    livenessPath: hostLink,
    pollIntervalMs: 250,
    reopenAfterSilentMs: 1500,
  });
  bus = b;
  const states: string[] = [];
  b.on('state', (s) => states.push(s));
  void b.start();
  await waitUntil(() => b.state === 'online', 'bus online');
  expect(opens).toBe(1);

  expect(applySimCommand(simulator, { op: 'board-offline', board: 1 })).toEqual({ ok: true });
  await waitUntil(() => b.state === 'offline', 'offline once the board is silent', 3000);
  expect(opens).toBe(1);
  await waitUntil(() => opens === 2, 'port reopened after 1.5 s of silence', 5000);
  // The device path never went away: only the silence made the bus reopen.
  expect(existsSync(hostLink)).toBe(true);
  expect(pair.pid !== undefined && process.kill(pair.pid, 0)).toBe(true);

  expect(applySimCommand(simulator, { op: 'clear-faults' })).toEqual({ ok: true });
  await waitUntil(() => b.state === 'online', 'online again on the reopened port', 5000);
  expect(opens).toBe(2);
  expect(states).toEqual(['online', 'offline', 'online']);
  expect(await b.open(1, 3)).toMatchObject({ ok: true, attempts: 1 });
  expect(simulator.door(1, 3).closed).toBe(false);
});
