import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../../codecs/framer';
import type { BoardSettings } from '../../lockers/locker-protocol';
import { bcc8a80 } from '../../lockers/protocols/index';
import { stallingClock } from '../../testing/stalling-clock';
import { createTransportPair, type MemoryTransport } from '../../transport/memory-transport';
import { MAX_HEARD_RESTARTS } from '../heard-timeout';
import type { DoorReading, LockerBus, OpenOutcome } from './locker-bus';
import { createLockerBus, type LockerBusOptions } from './serial-locker-bus';

// Two 24-channel 8A/80 boards wired closed-is-set. Frames (BCC = XOR of the first bytes):
const Q1 = '80 01 00 33 B2';
const Q2 = '80 02 00 33 B1';
const ALL_SHUT_1 = '80 01 FF FF FF 33 4D';
const ALL_SHUT_2 = '80 02 FF FF FF 33 4E';
/** Board 1 with lock 3 open: S1-8 = FB. */
const LOCK3_OPEN_1 = '80 01 FF FF FB 33 49';
const OPEN_1_5 = '8A 01 05 11 9F';
/** closed-is-set: the switch let go (00) = opened; still set (11) = did not open. */
const OPENED_1_5 = '8A 01 05 00 8E';
const NOT_OPENED_1_5 = '8A 01 05 11 9F';

const BOARDS: BoardSettings[] = [
  { address: 1, channels: 24, polarity: 'closed-is-set' },
  { address: 2, channels: 24, polarity: 'closed-is-set' },
];

/** Answer to one request: hex bytes after `delayMs` (default 3), or silence. */
type Answer = { hex: string; delayMs?: number } | undefined;

let host: MemoryTransport;
let device: MemoryTransport;
let wire: string[];
let respond: (request: string) => Answer;
let bus: LockerBus;
let doors: DoorReading[];
let states: string[];
let boardEvents: string[];

function standard(request: string): Answer {
  if (request === Q1) return { hex: ALL_SHUT_1 };
  if (request === Q2) return { hex: ALL_SHUT_2 };
  if (request === OPEN_1_5) return { hex: OPENED_1_5 };
  return undefined;
}

beforeEach(async () => {
  vi.useFakeTimers({ now: 0 });
  ({ host, device } = createTransportPair('/dev/ttyBUS0', 'device'));
  await device.open();
  wire = [];
  respond = standard;
  device.on('data', (chunk) => {
    const request = toHex(chunk);
    wire.push(request);
    const answer = respond(request);
    if (answer) setTimeout(() => void device.write(fromHex(answer.hex)), answer.delayMs ?? 3);
  });
});
afterEach(async () => {
  await bus?.stop();
  vi.useRealTimers();
});

async function startBus(extra: Partial<LockerBusOptions> = {}): Promise<void> {
  bus = createLockerBus({ id: 'wall-a', name: 'Locker wall A', protocol: bcc8a80, boards: BOARDS, createTransport: () => host, ...extra });
  doors = [];
  states = [];
  boardEvents = [];
  bus.on('door', (d) => doors.push(d));
  bus.on('state', (s) => states.push(s));
  bus.on('board', (b) => boardEvents.push(`${b.board}:${b.online ? 'online' : 'offline'}`));
  await bus.start();
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('locker bus on a scripted 8A/80 line', () => {
  it('reads every board once the port opens, then goes online with every door known', async () => {
    await startBus();
    expect(bus.state).toBe('offline');
    await advance(20);
    expect(wire).toEqual([Q1, Q2]);
    expect(bus.state).toBe('online');
    expect(bus.detail).toBe('');
    expect(states).toEqual(['online']);
    expect(doors).toHaveLength(48);
    expect(doors[0]).toEqual({ busId: 'wall-a', board: 1, lock: 1, closed: true, atMs: 3 });
    expect(bus.doors()).toHaveLength(48);
    expect(bus.boards).toEqual([{ address: 1, channels: 24, openAll: true }, { address: 2, channels: 24, openAll: true }]);
    expect([bus.id, bus.name, bus.protocol, bus.simulated]).toEqual(['wall-a', 'Locker wall A', '8a80', false]);
  });

  it('times an open on the monotonic clock: a wall-clock jump mid-transaction does not change it', async () => {
    await startBus();
    await advance(20);
    respond = (request) => (request === OPEN_1_5 ? { hex: OPENED_1_5, delayMs: 7 } : standard(request));
    const outcome = bus.open(1, 5);
    await advance(2);
    // The station's clock is set back an hour (NTP, a technician) while the board answers.
    vi.setSystemTime(Date.now() - 3_600_000);
    await advance(10);
    expect(await outcome).toEqual({ ok: true, attempts: 1, elapsedMs: 7 });
  });

  it('opens a lock: exact frame out, confirmation back, the door reads open at once', async () => {
    await startBus();
    await advance(20);
    doors = [];
    const outcome = bus.open(1, 5);
    await advance(10);
    expect(await outcome).toEqual({ ok: true, attempts: 1, elapsedMs: 3 });
    expect(wire.slice(2)).toEqual([OPEN_1_5]);
    expect(doors).toEqual([{ busId: 'wall-a', board: 1, lock: 5, closed: false, atMs: 23 }]);
  });

  it('retries a silent board twice, 200 ms each, then says no-reply', async () => {
    await startBus();
    await advance(20);
    respond = (r) => (r === OPEN_1_5 ? undefined : standard(r));
    const outcome = bus.open(1, 5);
    await advance(700);
    const result = await outcome;
    expect(result).toEqual({
      ok: false, reason: 'no-reply', attempts: 3,
      detail: `No valid answer to opening lock 5 on board 1 in 3 attempts (last: no answer to ${OPEN_1_5} within 200 ms).`,
    });
    expect(wire.slice(2)).toEqual([OPEN_1_5, OPEN_1_5, OPEN_1_5]);
  });

  it('retries after a bad checksum at once and takes the good answer', async () => {
    await startBus();
    await advance(20);
    let calls = 0;
    respond = (r) => (r === OPEN_1_5 ? { hex: ++calls === 1 ? '8A 01 05 00 8F' : OPENED_1_5 } : standard(r));
    const outcome = bus.open(1, 5);
    await advance(20);
    // Attempt 1 written at 20, bad answer at 23; attempt 2 after the 2 ms turnaround, answered 3 ms later.
    expect(await outcome).toEqual({ ok: true, attempts: 2, elapsedMs: 8 });
    expect(wire.slice(2)).toEqual([OPEN_1_5, OPEN_1_5]);
  });

  it('reports a lock that keeps saying "not opened" as jammed after 3 attempts', async () => {
    await startBus();
    await advance(20);
    respond = (r) => (r === OPEN_1_5 ? { hex: NOT_OPENED_1_5 } : standard(r));
    const outcome = bus.open(1, 5);
    await advance(50);
    expect(await outcome).toEqual({
      ok: false, reason: 'jammed', attempts: 3, detail: 'Board 1 answered 3 of 3 times that lock 5 on board 1 did not open.',
    });
    expect(wire.slice(2)).toEqual([OPEN_1_5, OPEN_1_5, OPEN_1_5]);
    expect(doors.filter((d) => d.lock === 5 && !d.closed)).toEqual([]);
  });

  it('takes a slow answer inside the timeout, and one beyond it on the retry', async () => {
    await startBus();
    await advance(20);
    respond = (r) => (r === OPEN_1_5 ? { hex: OPENED_1_5, delayMs: 190 } : standard(r));
    let outcome = bus.open(1, 5);
    await advance(200);
    expect(await outcome).toEqual({ ok: true, attempts: 1, elapsedMs: 190 });

    respond = (r) => (r === OPEN_1_5 ? { hex: OPENED_1_5, delayMs: 250 } : standard(r));
    const sentAt = Date.now();
    outcome = bus.open(1, 5);
    await advance(300);
    // Attempt 1 times out at 200; the board's late answer arrives during attempt 2 and is a
    // valid answer to that same request, so the open is confirmed 250 ms after the first write.
    expect(await outcome).toEqual({ ok: true, attempts: 2, elapsedMs: 250 });
    expect(Date.now() - sentAt).toBe(300);
    expect(wire.slice(2)).toEqual([OPEN_1_5, OPEN_1_5, OPEN_1_5]);
  });

  it('takes an answer that waited unread through a stall past the timeout, on the first attempt', async () => {
    const { clock, stall } = stallingClock();
    await startBus({ clock });
    await advance(20);
    respond = (r) => (r === OPEN_1_5 ? undefined : standard(r));
    let result: OpenOutcome | undefined;
    void bus.open(1, 5).then((r) => (result = r));
    await advance(1);
    // The board answers at once, but the loop is busy for 500 ms: the reply timer comes due
    // before the poll phase that would read the answer.
    stall(500);
    await advance(199);
    void device.write(fromHex(OPENED_1_5));
    await advance(5);
    expect(result).toEqual({ ok: true, attempts: 1, elapsedMs: 700 });
    expect(wire.slice(2)).toEqual([OPEN_1_5]);
  });

  it('still says no-reply for a silent board while every timer is late, after at most three extra timeouts per attempt', async () => {
    const { clock, lateBy } = stallingClock();
    await startBus({ clock });
    await advance(20);
    respond = (r) => (r === OPEN_1_5 ? undefined : standard(r));
    lateBy(50);
    let result: OpenOutcome | undefined;
    void bus.open(1, 5).then((r) => (result = r));
    const perAttemptMs = (1 + MAX_HEARD_RESTARTS) * 200;
    await advance(3 * perAttemptMs - 10);
    expect(result).toBeUndefined();
    await advance(20);
    expect(result).toMatchObject({ ok: false, reason: 'no-reply', attempts: 3 });
    expect(wire.slice(2).filter((r) => r === OPEN_1_5)).toEqual([OPEN_1_5, OPEN_1_5, OPEN_1_5]);
  });

  it('sees a door opened by hand at the next poll, and an 81 report at once', async () => {
    await startBus();
    await advance(20);
    doors = [];
    respond = (r) => (r === Q1 ? { hex: LOCK3_OPEN_1 } : standard(r));
    // The re-query ended at 8 ms, so polls go out at 1008, 2008, …
    await advance(980);
    expect(doors).toEqual([]);
    await advance(20);
    expect(wire.slice(2)).toEqual([Q1, Q2]);
    expect(doors).toEqual([{ busId: 'wall-a', board: 1, lock: 3, closed: false, atMs: 1011 }]);

    // Shut by hand: the board says so itself, between polls.
    respond = standard;
    await advance(100);
    await device.write(fromHex('81 01 03 11 92'));
    await advance(0);
    expect(doors[1]).toEqual({ busId: 'wall-a', board: 1, lock: 3, closed: true, atMs: 1120 });
    // The next poll agrees: no further event.
    await advance(1000);
    expect(doors).toHaveLength(2);
  });

  it('runs opens queued during a poll before the rest of that poll', async () => {
    await startBus();
    await advance(20);
    respond = (r) => (r === Q1 ? { hex: ALL_SHUT_1, delayMs: 50 } : r === '8A 01 01 11 9B' ? { hex: '8A 01 01 00 8A' } : r === '8A 01 02 11 98' ? { hex: '8A 01 02 00 89' } : standard(r));
    await advance(1000); // the poll of board 1 went out at 1008 and waits 50 ms for its answer
    expect(wire.slice(2)).toEqual([Q1]);
    const first = bus.open(1, 1);
    const second = bus.open(1, 2);
    await advance(100);
    expect(wire.slice(2)).toEqual([Q1, '8A 01 01 11 9B', '8A 01 02 11 98', Q2]);
    expect(await first).toMatchObject({ ok: true, attempts: 1 });
    expect(await second).toMatchObject({ ok: true, attempts: 1 });
  });

  it('drops stray bytes that arrived between transactions', async () => {
    await startBus();
    await advance(20);
    await device.write(fromHex('8A 01 05 00 12 34'));
    await advance(1);
    const outcome = bus.open(1, 5);
    await advance(10);
    expect(await outcome).toEqual({ ok: true, attempts: 1, elapsedMs: 3 });
  });

  it('marks a board offline after 3 missed polls in a row (degraded), online when it answers, offline when none does', async () => {
    await startBus();
    await advance(20);
    respond = (r) => (r === Q2 ? undefined : standard(r));
    // The heartbeat at 1008 misses board 2 (timeout at ~1213); it is asked again at once, twice:
    // the third miss is at ~1617, not at the third heartbeat (3213).
    await advance(1590);
    expect(boardEvents).toEqual([]);
    await advance(10);
    expect(boardEvents).toEqual(['2:offline']);
    expect(bus.state).toBe('degraded');
    expect(bus.detail).toBe('Board 2 is not answering.');
    const open = bus.open(2, 1);
    await advance(700);
    expect(await open).toMatchObject({ ok: false, reason: 'no-reply', attempts: 3 });

    respond = standard;
    await advance(1000);
    expect(boardEvents).toEqual(['2:offline', '2:online']);
    expect(bus.state).toBe('online');

    respond = () => undefined;
    await advance(2600);
    expect(boardEvents).toEqual(['2:offline', '2:online', '1:offline', '2:offline']);
    expect(bus.state).toBe('offline');
    expect(bus.detail).toBe("No board answers: check the RS-485 wiring, the boards' power, the protocol and the baud rate.");
    expect(states).toEqual(['online', 'degraded', 'online', 'degraded', 'offline']);
  });

  it('answers at once for a bus that is not open and for an unknown board or lock', async () => {
    host.failOpens('No such file or directory');
    await startBus();
    await advance(0);
    expect(await bus.open(1, 1)).toEqual({
      ok: false, reason: 'bus-offline', attempts: 0,
      detail: 'Cannot open the locker bus: Cannot open /dev/ttyBUS0: No such file or directory. Retrying in 250 ms.',
    });
    expect(await bus.open(3, 1)).toEqual({ ok: false, reason: 'bad-address', attempts: 0, detail: 'There is no board 3 on Locker wall A.' });
    expect(await bus.open(1, 25)).toEqual({ ok: false, reason: 'bad-address', attempts: 0, detail: 'Board 1 has locks 1–24, not 25.' });
    expect(await bus.setHoldPower(1, 1, true)).toBe(false);
    expect(wire).toEqual([]);
  });

  it('holds a charging channel on with 9A', async () => {
    await startBus();
    await advance(20);
    respond = (r) => (r === '9A 01 01 11 8B' ? { hex: '9A 01 01 11 8B' } : standard(r));
    const held = bus.setHoldPower(1, 1, true);
    await advance(10);
    expect(await held).toBe(true);
    expect(wire.slice(2)).toEqual(['9A 01 01 11 8B']);
  });

  it('loses the port: the open on the wire ends port-lost, queued calls bus-offline; reopens and re-reads every board before online', async () => {
    await startBus();
    await advance(20);
    respond = (r) => (r === OPEN_1_5 ? undefined : standard(r));
    const inFlight = bus.open(1, 5);
    const queued = bus.open(1, 6);
    await advance(50);
    host.simulateLoss('EIO: i/o error');
    expect(await inFlight).toEqual({ ok: false, reason: 'port-lost', attempts: 1, detail: 'The port was lost while waiting for the answer.' });
    expect(await queued).toMatchObject({ ok: false, reason: 'bus-offline', attempts: 0 });
    expect(bus.state).toBe('offline');
    expect(bus.detail).toBe('The locker bus was disconnected (EIO: i/o error). Retrying in 250 ms.');
    respond = standard;
    await advance(249);
    expect(wire.slice(2)).toEqual([OPEN_1_5]);
    await advance(20);
    expect(wire.slice(2)).toEqual([OPEN_1_5, Q1, Q2]);
    expect(states).toEqual(['online', 'offline', 'online']);
  });

  it('closes and reopens a port that stays open while no board answers for reopenAfterSilentMs, then re-reads every board', async () => {
    let opens = 0;
    await startBus({ reopenAfterSilentMs: 3000, createTransport: () => (opens++, host) });
    await advance(20);
    expect([opens, bus.state]).toEqual([1, 'online']);
    // The adapter wedges: the port stays open, nothing comes back.
    respond = () => undefined;
    const silentFrom = wire.length;
    await advance(2990);
    expect(opens).toBe(1);
    expect(bus.state).toBe('offline');
    await advance(10);
    // Last answer at 8 ms; the heartbeat at 3008 ms finds 3 s of silence and reopens.
    expect(opens).toBe(1);
    expect(bus.detail).toBe('No board answered for 3 s although the port is there: reopening it (a wedged adapter?). Retrying in 250 ms.');
    expect(wire.slice(silentFrom).every((r) => r === Q1 || r === Q2)).toBe(true);
    respond = standard;
    await advance(250);
    expect(opens).toBe(2);
    await advance(20);
    expect(bus.state).toBe('online');
    expect(wire.slice(-2)).toEqual([Q1, Q2]);
    expect(states).toEqual(['online', 'degraded', 'offline', 'online']);
    // Answers again: no further reopen.
    await advance(10_000);
    expect(opens).toBe(2);
  });

  it('does not reopen a port for a stall of the process longer than reopenAfterSilentMs: nobody was listening', async () => {
    let opens = 0;
    const { clock, stall } = stallingClock();
    await startBus({ clock, reopenAfterSilentMs: 3000, createTransport: () => (opens++, host) });
    await advance(20);
    // 15 s without a turn of the loop, then the overdue heartbeat.
    stall(15_000);
    await advance(1000);
    await advance(2000);
    expect([opens, bus.state, boardEvents]).toEqual([1, 'online', []]);
    expect(states).toEqual(['online']);
    // Real silence after the stall is still caught: the last answer came 3 ms after the
    // heartbeat at 3008, so the one at 7008 is the first to find 3 s of silence.
    respond = () => undefined;
    await advance(3980);
    expect(bus.detail).not.toMatch(/^No board answered/);
    await advance(10);
    expect(bus.detail).toMatch(/^No board answered for 4 s although the port is there/);
  });

  it('stop() mid-call ends the call and the queue with bus-offline, once', async () => {
    await startBus();
    await advance(20);
    respond = () => undefined;
    const results: OpenOutcome[] = [];
    void bus.open(1, 5).then((r) => results.push(r));
    void bus.open(1, 6).then((r) => results.push(r));
    await advance(50);
    await bus.stop();
    await bus.stop();
    await advance(1000);
    expect(results.map((r) => [r.ok, !r.ok && r.reason])).toEqual([[false, 'bus-offline'], [false, 'bus-offline']]);
    expect(wire.slice(2)).toEqual([OPEN_1_5]);
    expect(bus.state).toBe('offline');
    expect(bus.detail).toBe('Stopped.');
    expect(await bus.open(1, 5)).toMatchObject({ ok: false, reason: 'bus-offline', attempts: 0 });
  });
});
