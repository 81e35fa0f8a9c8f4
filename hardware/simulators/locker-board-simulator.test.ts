import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../codecs/framer';
import type { BoardSettings } from '../lockers/locker-protocol';
import { bcc8a80, kerongCu16 } from '../lockers/protocols/index';
import { createTransportPair, type MemoryTransport } from '../transport/memory-transport';
import { KEPT_REQUESTS, LockerBoardSimulator, type LockerBoardSimulatorOptions } from './locker-board-simulator';

const WALL: BoardSettings[] = [
  { address: 1, channels: 24, polarity: 'closed-is-set' },
  { address: 2, channels: 8, polarity: 'open-is-set' },
];
const CU16: BoardSettings[] = [
  { address: 0, channels: 16, polarity: 'closed-is-set' },
  { address: 1, channels: 16, polarity: 'closed-is-set' },
];

let host: MemoryTransport;
let device: MemoryTransport;
let sim: LockerBoardSimulator;
let heard: number[];

async function setUp(options: Partial<LockerBoardSimulatorOptions> = {}): Promise<void> {
  ({ host, device } = createTransportPair());
  await host.open();
  await device.open();
  heard = [];
  host.on('data', (chunk) => heard.push(...chunk));
  sim = new LockerBoardSimulator(device, { protocol: bcc8a80, boards: WALL, ...options });
  sim.start();
}

/** Writes `hex` as the host, lets `ms` pass, and returns what the boards said, as hex. */
async function ask(hex: string, ms = 2): Promise<string> {
  heard = [];
  await host.write(fromHex(hex));
  await vi.advanceTimersByTimeAsync(ms);
  return toHex(heard, 64);
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  sim.stop();
  vi.useRealTimers();
});

describe('locker board simulator, 8A/80', () => {
  it('answers a board query after the 2 ms turnaround and not before, every door closed', async () => {
    await setUp();
    await host.write(fromHex('80 01 00 33 B2'));
    await vi.advanceTimersByTimeAsync(1);
    expect(heard).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(toHex(heard)).toBe('80 01 FF FF FF 33 4D');
    expect(await ask('80 02 00 33 B1')).toBe('80 02 00 33 B1'); // open-is-set: closed reads 0
  });

  it('with no turnaround answers without waiting for a timer', async () => {
    await setUp({ replyDelayMs: 0 });
    await host.write(fromHex('80 01 00 33 B2'));
    // No fake time passes: only promise callbacks run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(toHex(heard)).toBe('80 01 FF FF FF 33 4D');
  });

  it('opens a door, which stays open until shut, and says so per polarity', async () => {
    await setUp();
    expect(await ask('8A 01 05 11 9F')).toBe('8A 01 05 00 8E');
    expect(sim.door(1, 5)).toEqual({ closed: false, itemPresent: false, powered: false });
    expect(await ask('80 01 00 33 B2')).toBe('80 01 FF FF EF 33 5D');
    expect(await ask('8A 01 05 11 9F')).toBe('8A 01 05 00 8E');
    sim.closeDoor(1, 5);
    expect(await ask('80 01 00 33 B2')).toBe('80 01 FF FF FF 33 4D');
    expect(await ask('8A 02 01 11 98')).toBe('8A 02 01 11 98');
    expect(await ask('80 02 00 33 B1')).toBe('80 02 01 33 B0');
  });

  it('sends 81 reports for doors shut or forced by hand only when enabled', async () => {
    await setUp();
    sim.openByHand(1, 5);
    sim.closeDoor(1, 5);
    await vi.advanceTimersByTimeAsync(10);
    expect(heard).toEqual([]);
    sim.stop();
    await setUp({ unsolicitedReports: true });
    expect(await ask('8A 01 05 11 9F')).toBe('8A 01 05 00 8E');
    heard = [];
    sim.closeDoor(1, 5);
    sim.closeDoor(1, 5); // already shut: nothing to report
    await vi.advanceTimersByTimeAsync(2);
    expect(toHex(heard)).toBe('81 01 05 11 94');
    heard = [];
    sim.openByHand(1, 5);
    await vi.advanceTimersByTimeAsync(2);
    expect(toHex(heard)).toBe('81 01 05 00 85');
    expect(sim.door(1, 5).closed).toBe(false);
  });

  it('holds a channel powered and releases it, echoing the command', async () => {
    await setUp();
    expect(await ask('9A 01 03 11 89')).toBe('9A 01 03 11 89');
    expect(sim.door(1, 3).powered).toBe(true);
    expect(await ask('9B 01 03 11 88')).toBe('9B 01 03 11 88');
    expect(sim.door(1, 3).powered).toBe(false);
  });

  it('answers a single-lock query with that door, shut and then open', async () => {
    await setUp();
    expect(await ask('80 01 03 33 B1')).toBe('80 01 03 11 93');
    sim.openByHand(1, 3);
    expect(await ask('80 01 03 33 B1')).toBe('80 01 03 00 82');
  });

  it('stays silent for boards it does not simulate and for bytes that are not a request', async () => {
    await setUp();
    expect(await ask('8A 05 01 11 9F', 100)).toBe('');
    expect(await ask('FF 00 8A 01 01 11 9C 80 01 01 22 A2', 100)).toBe('');
    expect(await ask('8A 01 01 11 9B')).toBe('8A 01 01 00 8A');
    expect(sim.requests).toEqual([
      { type: 'frame', kind: 'open', board: 5, lock: 1 },
      { type: 'frame', kind: 'open', board: 1, lock: 1 },
    ]);
  });

  it('a board with no-reply neither answers nor acts; the others carry on; clearFaults restores it', async () => {
    await setUp({ unsolicitedReports: true });
    sim.inject({ kind: 'no-reply', board: 1 });
    expect(await ask('8A 01 05 11 9F', 100)).toBe('');
    expect(sim.door(1, 5).closed).toBe(true);
    sim.openByHand(1, 6);
    await vi.advanceTimersByTimeAsync(10);
    expect(heard).toEqual([]);
    expect(await ask('80 02 00 33 B1')).toBe('80 02 00 33 B1');
    sim.inject({ kind: 'no-reply' });
    expect(await ask('80 02 00 33 B1', 100)).toBe('');
    sim.clearFaults();
    expect(await ask('80 01 00 33 B2')).toBe('80 01 FF FF DF 33 6D');
  });

  it('corrupts the checksum of the next `count` frames of a board, then answers cleanly', async () => {
    await setUp();
    sim.inject({ kind: 'bad-checksum', board: 1, count: 2 });
    expect(await ask('80 02 00 33 B1')).toBe('80 02 00 33 B1');
    expect(await ask('80 01 00 33 B2')).toBe('80 01 FF FF FF 33 B2');
    expect(await ask('8A 01 01 11 9B')).toBe('8A 01 01 00 75');
    expect(await ask('8A 01 01 11 9B')).toBe('8A 01 01 00 8A');
    const framer = bcc8a80.createReplyFramer(new Map(WALL.map((b) => [b.address, b])));
    framer.expect({ kind: 'open', board: 1, lock: 1 });
    expect(framer.push(fromHex('8A 01 01 00 75'), 0)).toMatchObject([{ type: 'fault', reason: 'bad-checksum' }]);
  });

  it('a jammed lock stays shut and its open replies say so', async () => {
    await setUp();
    sim.inject({ kind: 'jammed', board: 1, lock: 5 });
    expect(await ask('8A 01 05 11 9F')).toBe('8A 01 05 11 9F');
    expect(sim.door(1, 5).closed).toBe(true);
    expect(await ask('8A 01 06 11 9C')).toBe('8A 01 06 00 8D');
  });

  it('a slow board turns around in its delay; the others keep theirs', async () => {
    await setUp();
    sim.inject({ kind: 'slow-reply', board: 1, delayMs: 500 });
    expect(await ask('80 01 00 33 B2', 499)).toBe('');
    await vi.advanceTimersByTimeAsync(1);
    expect(toHex(heard)).toBe('80 01 FF FF FF 33 4D');
    expect(await ask('80 02 00 33 B1')).toBe('80 02 00 33 B1');
  });

  it('drops replies still pending when stopped, and listens no more', async () => {
    await setUp();
    await host.write(fromHex('80 01 00 33 B2'));
    await vi.advanceTimersByTimeAsync(0);
    sim.stop();
    expect(await ask('80 01 00 33 B2', 100)).toBe('');
    expect(sim.requests).toHaveLength(1);
  });

  it('keeps only the recent requests: a wall polled for months does not grow', async () => {
    await setUp({ replyDelayMs: 0 });
    const query = (board: number) => (board === 1 ? '80 01 00 33 B2' : '80 02 00 33 B1');
    for (let i = 0; i < 3 * KEPT_REQUESTS; i += 1) await host.write(fromHex(query((i % 2) + 1)));
    await vi.advanceTimersByTimeAsync(0);
    expect(sim.requests.length).toBeGreaterThanOrEqual(KEPT_REQUESTS);
    expect(sim.requests.length).toBeLessThanOrEqual(2 * KEPT_REQUESTS);
    // The newest last: the final write was a query of board 2.
    expect(sim.requests.at(-1)).toMatchObject({ kind: 'query-board', board: 2 });
  });

  it('refuses bad options and doors it does not have', async () => {
    await setUp();
    expect(() => new LockerBoardSimulator(device, { protocol: kerongCu16, boards: CU16, unsolicitedReports: true })).toThrow(TypeError);
    expect(() => new LockerBoardSimulator(device, { protocol: bcc8a80, boards: [WALL[0]!, WALL[0]!] })).toThrow('board 1 is listed twice');
    expect(() => new LockerBoardSimulator(device, { protocol: bcc8a80, boards: WALL, replyDelayMs: -1 })).toThrow(TypeError);
    expect(() => sim.door(1, 25)).toThrow(RangeError);
    expect(() => sim.closeDoor(3, 1)).toThrow('no simulated lock 1 on board 3');
    expect(() => sim.inject({ kind: 'no-reply', board: 9 })).toThrow(RangeError);
  });
});

describe('locker board simulator, Kerong CU16', () => {
  it('answers status with hook and infrared bits, and an unlock with its status frame', async () => {
    await setUp({ protocol: kerongCu16, boards: CU16 });
    expect(await ask('02 00 30 03 35')).toBe('02 00 35 FF FF 00 00 03 38');
    sim.setItemPresent(0, 2, true);
    expect(await ask('02 00 30 03 35')).toBe('02 00 35 FF FF 02 00 03 3A');
    expect(await ask('02 00 31 03 36')).toBe('02 00 35 FE FF 02 00 03 39');
    expect(sim.door(0, 1)).toEqual({ closed: false, itemPresent: false, powered: false });
    expect(await ask('02 10 30 03 45')).toBe('02 10 35 FF FF 00 00 03 48');
    expect(await ask('02 20 30 03 55', 100)).toBe('');
  });

  it('an unlock reply reads as an open result on the host side; a jammed lock as not opened', async () => {
    await setUp({ protocol: kerongCu16, boards: CU16 });
    const framer = kerongCu16.createReplyFramer(new Map(CU16.map((b) => [b.address, b])));
    framer.expect({ kind: 'open', board: 0, lock: 1 });
    expect(framer.push(fromHex(await ask('02 00 31 03 36')), 0)).toEqual([
      { type: 'frame', kind: 'open-result', board: 0, lock: 1, opened: true },
    ]);
    sim.inject({ kind: 'jammed', board: 1, lock: 1 });
    framer.expect({ kind: 'open', board: 1, lock: 1 });
    expect(framer.push(fromHex(await ask('02 10 31 03 46')), 0)).toEqual([
      { type: 'frame', kind: 'open-result', board: 1, lock: 1, opened: false },
    ]);
  });
});
