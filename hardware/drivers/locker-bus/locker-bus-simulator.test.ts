/**
 * The bus driver against the board simulator over an in-process pipe, with fake timers:
 * every fault the simulator can play, for both protocols.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardSettings, LockerProtocol } from '../../lockers/locker-protocol';
import { bcc8a80, kerongCu16 } from '../../lockers/protocols/index';
import { LockerBoardSimulator, type LockerBoardSimulatorOptions } from '../../simulators/locker-board-simulator';
import { createTransportPair } from '../../transport/memory-transport';
import type { DoorReading, LockerBus } from './locker-bus';
import { createLockerBus } from './serial-locker-bus';

const BOARDS_8A80: BoardSettings[] = [
  { address: 1, channels: 24, polarity: 'closed-is-set' },
  { address: 2, channels: 24, polarity: 'open-is-set' },
];
const BOARDS_CU16: BoardSettings[] = [
  { address: 0, channels: 16, polarity: 'closed-is-set' },
  { address: 1, channels: 16, polarity: 'closed-is-set' },
];

let bus: LockerBus;
let simulator: LockerBoardSimulator;
let doors: DoorReading[];
let boardEvents: string[];

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(async () => {
  await bus?.stop();
  simulator?.stop();
  vi.useRealTimers();
});

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

async function setUp(protocol: LockerProtocol, boards: BoardSettings[], extra: Partial<LockerBoardSimulatorOptions> = {}): Promise<void> {
  const { host, device } = createTransportPair();
  await device.open();
  simulator = new LockerBoardSimulator(device, { protocol, boards, ...extra });
  simulator.start();
  bus = createLockerBus({ id: 'wall', name: 'Wall', protocol, boards, createTransport: () => host });
  doors = [];
  boardEvents = [];
  bus.on('door', (d) => doors.push(d));
  bus.on('board', (b) => boardEvents.push(`${b.board}:${b.online ? 'online' : 'offline'}`));
  await bus.start();
  await advance(20);
  expect(bus.state).toBe('online');
  doors = [];
}

describe('locker bus against the 8A/80 board simulator', () => {
  it('opens on both polarities and reads the doors open at the next poll', async () => {
    await setUp(bcc8a80, BOARDS_8A80);
    const first = bus.open(1, 4);
    const second = bus.open(2, 24);
    await advance(20);
    expect(await first).toEqual({ ok: true, attempts: 1, elapsedMs: 2 });
    expect(await second).toEqual({ ok: true, attempts: 1, elapsedMs: 2 });
    expect(simulator.door(1, 4).closed).toBe(false);
    expect(simulator.door(2, 24).closed).toBe(false);
    expect(doors.map((d) => [d.board, d.lock, d.closed])).toEqual([[1, 4, false], [2, 24, false]]);
    await advance(1000);
    // The poll agrees with what the open said: no news.
    expect(doors).toHaveLength(2);
    expect(bus.doors().filter((d) => !d.closed).map((d) => [d.board, d.lock])).toEqual([[1, 4], [2, 24]]);
  });

  it('reports a jammed lock after three "not opened" answers, and the door stays shut', async () => {
    await setUp(bcc8a80, BOARDS_8A80);
    simulator.inject({ kind: 'jammed', board: 2, lock: 3 });
    const outcome = bus.open(2, 3);
    await advance(50);
    expect(await outcome).toMatchObject({ ok: false, reason: 'jammed', attempts: 3 });
    expect(simulator.requests.filter((r) => r.kind === 'open')).toHaveLength(3);
    expect(simulator.door(2, 3).closed).toBe(true);
    expect(doors).toEqual([]);
  });

  it('retries through two corrupted answers and confirms on the third attempt', async () => {
    await setUp(bcc8a80, BOARDS_8A80);
    simulator.inject({ kind: 'bad-checksum', board: 1, count: 2 });
    const outcome = bus.open(1, 1);
    await advance(50);
    expect(await outcome).toMatchObject({ ok: true, attempts: 3 });
  });

  it('gives up with no-reply on a silent board, then reports it offline after three missed polls', async () => {
    await setUp(bcc8a80, BOARDS_8A80);
    simulator.inject({ kind: 'no-reply', board: 2 });
    const outcome = bus.open(2, 1);
    await advance(700);
    expect(await outcome).toMatchObject({ ok: false, reason: 'no-reply', attempts: 3 });
    await advance(3000);
    expect(boardEvents).toEqual(['2:offline']);
    expect(bus.state).toBe('degraded');
    simulator.clearFaults();
    await advance(1000);
    expect(boardEvents).toEqual(['2:offline', '2:online']);
    expect(bus.state).toBe('online');
  });

  it('takes a slow answer inside the timeout; one beyond it is taken on the retry', async () => {
    await setUp(bcc8a80, BOARDS_8A80);
    simulator.inject({ kind: 'slow-reply', delayMs: 150 });
    let outcome = bus.open(1, 2);
    await advance(200);
    expect(await outcome).toEqual({ ok: true, attempts: 1, elapsedMs: 150 });
    simulator.clearFaults();
    simulator.inject({ kind: 'slow-reply', delayMs: 300 });
    outcome = bus.open(1, 3);
    await advance(400);
    expect(await outcome).toEqual({ ok: true, attempts: 2, elapsedMs: 300 });
  });

  it('sees a door forced open at the next poll when the board sends no reports', async () => {
    await setUp(bcc8a80, BOARDS_8A80, { unsolicitedReports: false });
    simulator.openByHand(1, 9);
    expect(doors).toEqual([]);
    await advance(1000);
    expect(doors.map((d) => [d.board, d.lock, d.closed])).toEqual([[1, 9, false]]);
  });

  it('updates a door the moment an unsolicited report arrives', async () => {
    await setUp(bcc8a80, BOARDS_8A80, { unsolicitedReports: true });
    await advance(100);
    simulator.openByHand(2, 5);
    await advance(3);
    expect(doors.map((d) => [d.board, d.lock, d.closed, d.atMs])).toEqual([[2, 5, false, 122]]);
    simulator.closeDoor(2, 5);
    await advance(3);
    expect(doors.map((d) => [d.board, d.lock, d.closed, d.atMs])).toEqual([[2, 5, false, 122], [2, 5, true, 125]]);
  });

  it('switches a charging channel on and off', async () => {
    await setUp(bcc8a80, BOARDS_8A80);
    const on = bus.setHoldPower(1, 6, true);
    await advance(10);
    expect(await on).toBe(true);
    expect(simulator.door(1, 6).powered).toBe(true);
    const off = bus.setHoldPower(1, 6, false);
    await advance(10);
    expect(await off).toBe(true);
    expect(simulator.door(1, 6).powered).toBe(false);
  });
});

describe('locker bus against the CU16 board simulator', () => {
  it('reads the item sensors, opens with the status answer, and reports jammed locks', async () => {
    await setUp(kerongCu16, BOARDS_CU16);
    expect(bus.doors()[0]).toEqual({ busId: 'wall', board: 0, lock: 1, closed: true, itemPresent: false, atMs: 2 });
    simulator.setItemPresent(1, 16, true);
    await advance(1000);
    expect(doors.map((d) => [d.board, d.lock, d.closed, d.itemPresent])).toEqual([[1, 16, true, true]]);

    const opened = bus.open(1, 16);
    await advance(10);
    expect(await opened).toMatchObject({ ok: true, attempts: 1 });
    expect(doors.at(-1)).toMatchObject({ board: 1, lock: 16, closed: false, itemPresent: true });

    simulator.inject({ kind: 'jammed', board: 0, lock: 2 });
    const jammed = bus.open(0, 2);
    await advance(50);
    expect(await jammed).toMatchObject({ ok: false, reason: 'jammed', attempts: 3 });
    expect(await bus.setHoldPower(0, 1, true)).toBe(false);
  });
});

describe('board-wide open-all against the simulator', () => {
  it('8A/80: one command opens every lock but a jammed one, which the query shows still shut', async () => {
    await setUp(bcc8a80, BOARDS_8A80, { openAllPulseMs: 10 });
    simulator.inject({ kind: 'jammed', board: 2, lock: 7 });
    const outcome = bus.openBoard(2);
    // The board answers only after pulsing its 24 locks (240 ms here).
    await advance(200);
    expect(simulator.requests.map((r) => r.kind).filter((k) => k !== 'query-board')).toEqual(['open-all']);
    await advance(100);
    const locks = Array.from({ length: 24 }, (_, i) => i + 1);
    expect(await outcome).toMatchObject({ ok: true, opened: locks.filter((l) => l !== 7), stillShut: [7] });
    expect(simulator.door(2, 7).closed).toBe(true);
    expect(bus.doors().filter((d) => d.board === 1 && !d.closed)).toEqual([]);
  });

  it('CU16: a board that ignores unlock-all times out after its channels × 400 ms, and nothing opened', async () => {
    await setUp(kerongCu16, BOARDS_CU16);
    simulator.inject({ kind: 'ignores-open-all', board: 1 });
    const outcome = bus.openBoard(1);
    await advance(16 * 400 - 10);
    let settled = false;
    void outcome.then(() => (settled = true));
    await advance(0);
    expect(settled).toBe(false);
    await advance(20);
    expect(await outcome).toMatchObject({ ok: false, reason: 'no-reply' });
    expect(simulator.door(1, 1).closed).toBe(true);
    // The long silence was the command's: the bus did not take the port for wedged.
    expect(bus.state).toBe('online');
  });
});
