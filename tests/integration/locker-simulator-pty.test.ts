/**
 * The locker board simulator through real ttys: the real serialport binding on both sides of
 * a socat pty pair, at each protocol's line speed. Exact request bytes in, exact reply bytes
 * out. Silence is shown by sending the request that must go unanswered in the same write as
 * one that must be answered: replies keep request order, so a stray one would come first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../hardware/codecs/framer';
import type { BoardSettings, LockerProtocol } from '../../hardware/lockers/locker-protocol';
import { bcc8a80, kerongCu16 } from '../../hardware/lockers/protocols/index';
import { LockerBoardSimulator } from '../../hardware/simulators/locker-board-simulator';
import { openPtyPair, type PtyPair } from '../../hardware/simulators/pty-pair';
import { waitUntil } from '../../hardware/testing/wait-until';
import { SerialTransport } from '../../hardware/transport/serial-transport';

let dir: string | undefined;
let pair: PtyPair | undefined;
let device: SerialTransport | undefined;
let host: SerialTransport;
let sim: LockerBoardSimulator | undefined;
let heard: number[] = [];

async function setUp(protocol: LockerProtocol, boards: BoardSettings[], unsolicitedReports = false): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'locker-sim-'));
  pair = await openPtyPair({ hostLink: join(dir, 'bus-host'), deviceLink: join(dir, 'bus-device') });
  device = new SerialTransport({ path: pair.devicePath, baudRate: protocol.defaultBaudRate });
  await device.open();
  host = new SerialTransport({ path: pair.hostPath, baudRate: protocol.defaultBaudRate });
  await host.open();
  host.on('data', (chunk) => heard.push(...chunk));
  sim = new LockerBoardSimulator(device, { protocol, boards, unsolicitedReports });
  sim.start();
}

/** Sends `request` as the host and returns the reply once `replyLength` bytes have come. */
async function ask(request: string, replyLength: number): Promise<string> {
  heard = [];
  await host.write(fromHex(request));
  await waitUntil(() => heard.length >= replyLength, `${replyLength} reply bytes to ${request}`);
  return toHex(heard, 64);
}

afterEach(async () => {
  sim?.stop();
  await host?.close();
  await device?.close();
  await pair?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sim = undefined;
  device = undefined;
  pair = undefined;
  dir = undefined;
});

describe('8A/80 simulator over a pty pair at 9600 8N1', () => {
  const boards: BoardSettings[] = [
    { address: 1, channels: 24, polarity: 'closed-is-set' },
    { address: 2, channels: 8, polarity: 'open-is-set' },
  ];

  it('answers query, open, hold power and status with the exact bytes', async () => {
    await setUp(bcc8a80, boards);
    expect(bcc8a80.defaultBaudRate).toBe(9600);
    expect(await ask('80 01 00 33 B2', 7)).toBe('80 01 FF FF FF 33 4D');
    expect(await ask('8A 01 01 11 9B', 5)).toBe('8A 01 01 00 8A');
    expect(await ask('80 01 00 33 B2', 7)).toBe('80 01 FF FF FE 33 4C');
    expect(await ask('8A 02 01 11 98', 5)).toBe('8A 02 01 11 98');
    expect(await ask('9A 01 01 11 8B', 5)).toBe('9A 01 01 11 8B');
    expect(await ask('9B 01 01 11 8A', 5)).toBe('9B 01 01 11 8A');
    expect(sim?.door(1, 1)).toEqual({ closed: false, itemPresent: false, powered: false });
  });

  it('sends an unsolicited 81 report when a door is shut by hand', async () => {
    await setUp(bcc8a80, boards, true);
    expect(await ask('8A 01 02 11 98', 5)).toBe('8A 01 02 00 89');
    heard = [];
    sim?.closeDoor(1, 2);
    await waitUntil(() => heard.length >= 5, 'the 81 report');
    expect(toHex(heard)).toBe('81 01 02 11 93');
  });

  it('keeps silent for an unknown board, a bad BCC and a board gone offline; a jammed lock says not opened', async () => {
    await setUp(bcc8a80, boards);
    sim?.inject({ kind: 'jammed', board: 1, lock: 3 });
    expect(await ask('8A 05 01 11 9F 8A 01 01 11 9C 8A 01 03 11 99', 5)).toBe('8A 01 03 11 99');
    sim?.inject({ kind: 'no-reply', board: 1 });
    expect(await ask('80 01 00 33 B2 80 02 00 33 B1', 5)).toBe('80 02 00 33 B1');
    expect(sim?.requests.map((r) => `${r.kind} ${r.board}`)).toEqual(['open 5', 'open 1', 'query-board 1', 'query-board 2']);
  });
});

describe('Kerong CU16 simulator over a pty pair at 19200 8N1', () => {
  const boards: BoardSettings[] = [
    { address: 0, channels: 16, polarity: 'closed-is-set' },
    { address: 1, channels: 16, polarity: 'closed-is-set' },
  ];

  it('answers status and unlock with the exact bytes, infrared bits included', async () => {
    await setUp(kerongCu16, boards);
    expect(kerongCu16.defaultBaudRate).toBe(19200);
    expect(await ask('02 00 30 03 35', 9)).toBe('02 00 35 FF FF 00 00 03 38');
    sim?.setItemPresent(0, 2, true);
    const unlock = await ask('02 00 31 03 36', 9);
    expect(unlock).toBe('02 00 35 FE FF 02 00 03 39');
    const framer = kerongCu16.createReplyFramer(new Map(boards.map((b) => [b.address, b])));
    framer.expect({ kind: 'open', board: 0, lock: 1 });
    expect(framer.push(fromHex(unlock), 0)).toEqual([{ type: 'frame', kind: 'open-result', board: 0, lock: 1, opened: true }]);
    // Board 2 is not on the bus: only board 1's answer comes back.
    expect(await ask('02 20 30 03 55 02 10 30 03 45', 9)).toBe('02 10 35 FF FF 00 00 03 48');
  });
});
