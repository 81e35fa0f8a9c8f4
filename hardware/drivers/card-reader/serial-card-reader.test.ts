import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromHex } from '../../codecs/framer';
import { CardReaderSimulator, encodeTap } from '../../simulators/card-reader-simulator';
import { LATE_TOLERANCE_MS } from '../silence-watch';
import { createTransportPair, type MemoryTransport } from '../../transport/memory-transport';
import type { CardRead, CardReader, CardReadFault } from './card-reader';
import { createSerialCardReader, type SerialCodecKind } from './serial-card-reader';

let host: MemoryTransport;
let device: MemoryTransport;
let reader: CardReader;
let reads: CardRead[];
let faults: CardReadFault[];

beforeEach(async () => {
  vi.useFakeTimers({ now: 1_000_000 });
  ({ host, device } = createTransportPair());
  await device.open();
});
afterEach(async () => {
  await reader.stop();
  vi.useRealTimers();
});

async function startReader(codec: SerialCodecKind, byteOrder: 'as-read' | 'reversed' = 'as-read'): Promise<void> {
  reader = createSerialCardReader({ id: 'door', name: 'Door reader', codec, byteOrder, createTransport: () => host });
  reads = [];
  faults = [];
  reader.on('read', (r) => reads.push(r));
  reader.on('fault', (f) => faults.push(f));
  await reader.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(reader.state).toBe('online');
}

const simulator = () => new CardReaderSimulator(device);
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('serial card reader', () => {
  it('reads an EM4100 tap as the canonical uid32, with raw text and arrival time', async () => {
    await startReader('em4100-ascii');
    expect(reader.id).toBe('door');
    expect(reader.name).toBe('Door reader');
    expect(reader.simulated).toBe(false);
    await simulator().tap('01026f6c3a', 'em4100');
    await settle();
    expect(reads).toEqual([{ deviceId: 'door', card: { kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' }, raw: '01026F6C3A', atMs: 1_000_000 }]);
    expect(faults).toEqual([]);
  });

  it('reads an all-digit EM4100 tag as hex, not decimal', async () => {
    await startReader('em4100-ascii');
    await simulator().tap('0012345678', 'em4100'); // decimal 12345678 = 0x00BC614E
    await settle();
    expect(reads.map((r) => r.card)).toEqual([{ kind: 'uid32', canonical: 'U00BC614E', low24: 'LBC614E' }]);
  });

  it('reads the reference binary frame as card 0009334109', async () => {
    await startReader('binary');
    await device.write(fromHex('02 0A 02 06 00 8E 6D 5D B0 03'));
    await settle();
    expect(reads.map((r) => [r.card, r.raw])).toEqual([[{ kind: 'uid32', canonical: 'U008E6D5D', low24: 'L8E6D5D' }, '06008E6D5D']]);
  });

  it('applies a reversed byte order to 4-byte binary UIDs', async () => {
    await startReader('binary', 'reversed');
    await device.write(fromHex('02 09 01 3A 6C 6F 02 33 03')); // 09^01^3A^6C^6F^02 = 33
    await settle();
    expect(reads.map((r) => r.card)).toEqual([{ kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' }]);
  });

  it('reads QR lines: decimal card numbers and membership tokens', async () => {
    await startReader('qr-line');
    await simulator().tap('0040856634', 'qr');
    await simulator().tap('MEMBER:ab-12', 'qr');
    await settle();
    expect(reads.map((r) => r.card)).toEqual([
      { kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' },
      { kind: 'token', canonical: 'T:MEMBER:ab-12' },
    ]);
  });

  it('reports a line that is no card format as unsupported-format', async () => {
    await startReader('qr-line');
    await simulator().tap('hello world', 'qr');
    await settle();
    expect(reads).toEqual([]);
    expect(faults).toMatchObject([{ deviceId: 'door', reason: 'unsupported-format', detail: 'not a card number format: "hello world"' }]);
  });

  it('reports a bad checksum at once', async () => {
    await startReader('em4100-ascii');
    await simulator().tap('01026F6C3A', 'em4100', { kind: 'bad-checksum' });
    await settle();
    expect(faults.map((f) => f.reason)).toEqual(['bad-checksum']);
    expect(reads).toEqual([]);
  });

  it('reports a truncated frame after the 100 ms gap, and reads the next tap', async () => {
    await startReader('binary');
    await simulator().tap('026F6C3A', 'binary', { kind: 'truncated', bytes: 4 });
    await vi.advanceTimersByTimeAsync(99);
    expect(faults).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const start = performance.now() - 100;
    expect(faults).toEqual([{
      deviceId: 'door', reason: 'truncated', detail: 'frame stopped after 4 bytes: 02 09 01 02',
      // When its bytes were read and when the gap ended, with no deaf time: a gap on the line.
      timing: { chunks: [{ atMs: start, bytes: 4, deafMs: 0 }], atMs: start + 100, deafMs: 0 },
    }]);
    await simulator().tap('026F6C3A', 'binary');
    await settle();
    expect(reads.map((r) => r.card)).toEqual([{ kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' }]);
  });

  it('reads slow bytes within the gap, and truncates bytes slower than it', async () => {
    await startReader('em4100-ascii');
    const sim = new CardReaderSimulator(device);
    const slow = sim.tap('01026F6C3A', 'em4100', { kind: 'slow', interByteMs: 60 });
    await vi.advanceTimersByTimeAsync(14 * 60);
    await slow;
    expect(reads.map((r) => r.raw)).toEqual(['01026F6C3A']);
    const slower = sim.tap('01026F6C3A', 'em4100', { kind: 'slow', interByteMs: 150 });
    await vi.advanceTimersByTimeAsync(14 * 150);
    await slower;
    await vi.advanceTimersByTimeAsync(200);
    expect(reads).toHaveLength(1);
    // The STX stalls (truncated); each later byte arrives alone after a silence (malformed).
    expect(faults.map((f) => f.reason)).toEqual(['truncated', ...Array(13).fill('malformed')]);
  });

  it('reads a frame whose tail came in time although the event loop stalled 300 ms between its halves', async () => {
    await startReader('em4100-ascii');
    const frame = encodeTap('01026F6C3A', 'em4100');
    await device.write(frame.subarray(0, 6));
    await settle();
    // A stall: 300 ms pass while no timer can run; the tail arrived during it and is read
    // right after the overdue timers (as libuv orders them).
    vi.setSystemTime(Date.now() + 300);
    await vi.advanceTimersByTimeAsync(20);
    await device.write(frame.subarray(6));
    await settle();
    expect(faults).toEqual([]);
    expect(reads.map((r) => r.raw)).toEqual(['01026F6C3A']);
  });

  it('a chunk whose taps take long to handle does not truncate the frame it ends with', async () => {
    await startReader('em4100-ascii');
    // Each read's check-in runs before the reader can read again: 300 ms of the loop's own work.
    reader.on('read', () => vi.setSystemTime(Date.now() + 300));
    const first = encodeTap('01026F6C3A', 'em4100');
    const second = encodeTap('0040856634', 'em4100');
    await device.write(Uint8Array.from([...first, ...second.subarray(0, 6)]));
    await settle();
    await device.write(second.subarray(6));
    await settle();
    expect(faults).toEqual([]);
    expect(reads.map((r) => r.raw)).toEqual(['01026F6C3A', '00026F6C3A']);
  });

  it('after a stall, a frame that really stopped is still truncated, one on-time gap later', async () => {
    await startReader('em4100-ascii');
    await device.write(encodeTap('01026F6C3A', 'em4100').subarray(0, 6));
    await settle();
    vi.setSystemTime(Date.now() + 300);
    await vi.advanceTimersByTimeAsync(20);
    expect(faults).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(faults.map((f) => f.reason)).toEqual(['truncated']);
    expect(reads).toEqual([]);
  });

  it('a late timer of a few ms is not a stall: the gap stays 100 ms', async () => {
    await startReader('binary');
    await simulator().tap('026F6C3A', 'binary', { kind: 'truncated', bytes: 4 });
    vi.setSystemTime(Date.now() + LATE_TOLERANCE_MS);
    await vi.advanceTimersByTimeAsync(80);
    expect(faults).toEqual([]);
    await vi.advanceTimersByTimeAsync(20); // 105 ms after the last byte
    expect(faults.map((f) => f.reason)).toEqual(['truncated']);
  });

  it('reports random garbage once, then reads the next tap', async () => {
    await startReader('em4100-ascii');
    const sim = simulator();
    await sim.garbage(40);
    await vi.advanceTimersByTimeAsync(100);
    await sim.tap('0040856634', 'em4100');
    await settle();
    expect(faults.map((f) => f.reason)).toEqual(['malformed']);
    expect(faults[0]?.detail).toMatch(/^40 bytes outside a frame: /);
    expect(reads.map((r) => r.card)).toEqual([{ kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' }]);
  });

  it('drops a half frame when the device is lost, and reads again after reopening', async () => {
    await startReader('em4100-ascii');
    const states: string[] = [];
    reader.on('state', (s) => states.push(s));
    await simulator().tap('01026F6C3A', 'em4100', { kind: 'truncated' });
    await settle();
    host.simulateLoss('unplugged');
    expect(reader.state).toBe('offline');
    expect(reader.detail).toBe('The reader was disconnected (unplugged). Retrying in 250 ms.');
    await vi.advanceTimersByTimeAsync(250);
    expect(reader.state).toBe('online');
    await simulator().tap('01026F6C3A', 'em4100');
    await settle();
    expect(faults).toEqual([]);
    expect(reads).toHaveLength(1);
    expect(states).toEqual(['offline', 'online']);
  });
});
