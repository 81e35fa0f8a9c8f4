/**
 * `npm run lockers` (scripts/lockers.ts) on a real tty: the board simulator on the far side
 * of a socat pty pair plays two 8A/80 boards of different sizes at 9600 baud.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardSettings } from '../../hardware/lockers/locker-protocol';
import { bcc8a80 } from '../../hardware/lockers/protocols/index';
import { LockerBoardSimulator } from '../../hardware/simulators/locker-board-simulator';
import { openPtyPair, type PtyPair } from '../../hardware/simulators/pty-pair';
import { waitUntil } from '../../hardware/testing/wait-until';
import { SerialTransport } from '../../hardware/transport/serial-transport';
import { main } from '../../scripts/lockers';
import { parseDevicesConfig } from '../../hardware/devices/device-config';

const BOARDS: BoardSettings[] = [
  { address: 1, channels: 24, polarity: 'closed-is-set' },
  { address: 3, channels: 16, polarity: 'closed-is-set' },
];

let dir: string;
let pair: PtyPair;
let device: SerialTransport;
let simulator: LockerBoardSimulator;
let logs: string[];
let errors: string[];
const out = { log: (line: string) => logs.push(line), error: (line: string) => errors.push(line) };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lockers-cli-'));
  pair = await openPtyPair({ hostLink: join(dir, 'host'), deviceLink: join(dir, 'device') });
  device = new SerialTransport({ path: pair.devicePath, baudRate: 9600 });
  await device.open();
  simulator = new LockerBoardSimulator(device, { protocol: bcc8a80, boards: BOARDS });
  simulator.start();
  logs = [];
  errors = [];
});
afterEach(async () => {
  simulator.stop();
  await device.close();
  await pair.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run lockers', () => {
  it('scan lists the boards that answer, their size and their doors', async () => {
    simulator.openByHand(3, 2);
    const code = await main(['scan', '--path', pair.hostPath], out);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(logs[0]).toBe(`Scanning ${pair.hostPath} at 9600 baud for 8a80 boards 1–32…`);
    expect(logs[1]).toMatch(/^Board 1: 24 channels, answered in \d+ ms\. Doors 1:shut 2:shut .* 24:shut$/);
    expect(logs[2]).toMatch(/^Board 3: 16 channels, answered in \d+ ms\. Doors 1:shut 2:OPEN 3:shut .* 16:shut$/);
    expect(logs[3]).toBe('2 boards found: 1, 3.');
    // Every address was asked once, in order.
    expect(simulator.requests.map((r) => r.board)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });

  it('scan --doors-shut finds each board\'s feedback polarity and --write puts it into devices.json', async () => {
    simulator.stop();
    simulator = new LockerBoardSimulator(device, { protocol: bcc8a80, boards: [BOARDS[0] as BoardSettings, { address: 3, channels: 16, polarity: 'open-is-set' }] });
    simulator.start();
    const file = join(dir, 'devices.json');
    writeFileSync(file, JSON.stringify({ readers: [], lockerBuses: [{ id: 'wall', name: 'Wall', protocol: '8a80', path: '/dev/ttyUSB0', boards: [{ address: 1 }] }] }));
    const code = await main(['scan', '--path', pair.hostPath, '--timeout', '50', '--doors-shut', '--write', file, '--bus', 'wall'], out);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(logs.slice(1, 3)).toEqual([expect.stringMatching(/^Board 1: 24 channels/), expect.stringMatching(/^Board 3: 16 channels, answered in \d+ ms\. Doors 1:OPEN 2:OPEN/)]);
    expect(logs.slice(3)).toEqual([
      '2 boards found: 1, 3.',
      'Board 1: polarity closed-is-set (every door shut reads 1).',
      'Board 3: polarity open-is-set (every door shut reads 0).',
      `Wrote the polarity of boards 1, 3 into ${file} (bus "wall").`,
    ]);
    const written = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(written).toEqual({ readers: [], lockerBuses: [{ id: 'wall', name: 'Wall', protocol: '8a80', path: '/dev/ttyUSB0', boards: [{ address: 1, channels: 24, polarity: 'closed-is-set' }, { address: 3, channels: 16, polarity: 'open-is-set' }] }] });
    expect(parseDevicesConfig(written).ok).toBe(true);
  });

  it('scan --doors-shut with a door open says which and writes only the boards it is sure of; --timeout is the wait per address', async () => {
    simulator.openByHand(1, 7);
    const file = join(dir, 'devices.json');
    const before = JSON.stringify({ lockerBuses: [{ id: 'wall', boards: [{ address: 1 }] }] });
    writeFileSync(file, before);
    const started = performance.now();
    const code = await main(['scan', '--path', pair.hostPath, '--timeout', '300', '--doors-shut', '--write', file, '--bus', 'wall'], out);
    // 30 silent addresses × 300 ms: more than the default 200 ms could take.
    expect(performance.now() - started).toBeGreaterThanOrEqual(30 * 300);
    expect(code).toBe(1);
    expect(errors).toEqual(['Board 1: polarity unknown, doors 7 disagree with the rest. Shut them (or check their sensors) and scan again.']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ lockerBuses: [{ id: 'wall', boards: [{ address: 1 }, { address: 3, channels: 16, polarity: 'closed-is-set' }] }] });
    expect(await main(['scan', '--path', pair.hostPath, '--timeout', '5'], out)).toBe(2);
    expect(await main(['scan', '--path', pair.hostPath, '--write', file], out)).toBe(2);
  }, 30_000);

  it('open says confirmed, jammed or no reply', async () => {
    expect(await main(['open', '--path', pair.hostPath, '--board', '1', '--lock', '5'], out)).toBe(0);
    expect(logs).toEqual([expect.stringMatching(/^Board 1 lock 5: confirmed in \d+ ms \(1 attempt\)\.$/)]);
    expect(simulator.door(1, 5).closed).toBe(false);

    simulator.inject({ kind: 'jammed', board: 3, lock: 16 });
    expect(await main(['open', '--path', pair.hostPath, '--board', '3', '--lock', '16', '--channels', '16'], out)).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/^Board 3 lock 16: JAMMED after 3 attempts \(\d+ ms\)\. Board 3 answered 3 of 3 times that lock 16 on board 3 did not open\.$/)]);

    simulator.inject({ kind: 'no-reply', board: 1 });
    expect(await main(['open', '--path', pair.hostPath, '--board', '1', '--lock', '6'], out)).toBe(1);
    expect(errors[1]).toMatch(/^Board 1 lock 6: NO REPLY after 3 attempts \(\d+ ms\)\. No valid answer to opening lock 6 on board 1 in 3 attempts \(last: no answer to 8A 01 06 11 9C within 200 ms\)\.$/);
  });

  it('watch prints the doors, then every change, until the time is up', async () => {
    simulator.openByHand(1, 7);
    const done = main(['watch', '--path', pair.hostPath, '--board', '1', '--seconds', '3'], out);
    await waitUntil(() => logs.some((l) => l.startsWith('Board 1:')), 'first read', 3000);
    simulator.closeDoor(1, 7);
    await waitUntil(() => logs.some((l) => l.endsWith('board 1 lock 7: shut')), 'door shut', 2500);
    simulator.openByHand(1, 24);
    await waitUntil(() => logs.some((l) => l.endsWith('board 1 lock 24: OPEN')), 'door forced', 2500);
    expect(await done).toBe(0);
    expect(errors).toEqual([]);
    expect(logs[0]).toBe(`Watching ${pair.hostPath} (8a80, 9600 baud), board 1. Ctrl-C to stop.`);
    expect(logs.slice(1).map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{3} /, ''))).toEqual([
      'bus online',
      'Board 1: doors open: 7; the rest shut.',
      'board 1 lock 7: shut',
      'board 1 lock 24: OPEN',
      'bus offline: Stopped.',
    ]);
  });

  it('says plainly when the port is missing or the arguments are wrong', async () => {
    expect(await main(['scan', '--path', join(dir, 'nothing')], out)).toBe(1);
    expect(errors[0]).toBe(`No port at ${join(dir, 'nothing')}. Is the RS-485 adapter plugged in? Its stable name is under /dev/serial/by-id/.`);
    expect(await main(['open', '--path', pair.hostPath, '--board', '40', '--lock', '1'], out)).toBe(2);
    expect(errors[1]).toMatch(/^--board must be 1–32 for 8a80 boards\.\nUsage: /);
    expect(await main(['open', '--path', pair.hostPath, '--board', '1', '--lock', '25'], out)).toBe(2);
    expect(errors[2]).toMatch(/^--lock must be a lock number from 1 to 24\.\nUsage: /);
    expect(await main(['scan', '--path', pair.hostPath, '--protocol', 'wkly'], out)).toBe(2);
    expect(errors[3]).toMatch(/^--protocol must be one of 8a80, kerong-cu16\.\nUsage: /);
    expect(await main(['dance'], out)).toBe(2);
    expect(await main(['scan', '--bogus'], out)).toBe(2);
    expect(errors[5]).toMatch(/^Unknown option '--bogus'/);
    expect(simulator.requests).toEqual([]);
  });
});
