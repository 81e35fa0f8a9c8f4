import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeEm4100 } from '../../codecs/em4100-ascii';
import { encodeKeyboardReports } from '../../codecs/hid-keyboard-report';
import { createTransportPair, type MemoryTransport } from '../../transport/memory-transport';
import type { CardRead, CardReader, CardReadFault } from './card-reader';
import { createHidCardReader, type HidReaderMode } from './hid-card-reader';

let host: MemoryTransport;
let device: MemoryTransport;
let reader: CardReader;
let reads: CardRead[];
let faults: CardReadFault[];

beforeEach(async () => {
  vi.useFakeTimers({ now: 5000 });
  ({ host, device } = createTransportPair('hid:1a86:e010'));
  await device.open();
});
afterEach(async () => {
  await reader.stop();
  vi.useRealTimers();
});

async function startReader(mode: HidReaderMode): Promise<void> {
  reader = createHidCardReader({ id: 'hid', name: 'Desk reader', mode, createTransport: () => host });
  reads = [];
  faults = [];
  reader.on('read', (r) => reads.push(r));
  reader.on('fault', (f) => faults.push(f));
  await reader.start();
  await vi.advanceTimersByTimeAsync(0);
}

/** HID transports deliver one report per data event. */
async function sendReports(bytes: Uint8Array, size: number): Promise<void> {
  for (let i = 0; i < bytes.length; i += size) await device.write(bytes.subarray(i, i + size));
  await vi.advanceTimersByTimeAsync(0);
}

describe('HID card reader', () => {
  it('reads a keyboard-wedge card number typed as boot reports', async () => {
    await startReader({ kind: 'keyboard' });
    await sendReports(encodeKeyboardReports('0040856634'), 8);
    await sendReports(encodeKeyboardReports('111,27706', 0), 9);
    expect(reads.map((r) => [r.raw, r.card])).toEqual([
      ['0040856634', { kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' }],
      ['111,27706', { kind: 'low24', low24: 'L6F6C3A' }],
    ]);
    expect(reads[0]?.deviceId).toBe('hid');
  });

  it('reports Alt+keypad emulation as malformed with advice', async () => {
    await startReader({ kind: 'keyboard' });
    await sendReports(Uint8Array.from([4, 0, 0x62, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x28, 0, 0, 0, 0, 0]), 8);
    expect(faults.map((f) => f.reason)).toEqual(['malformed']);
    expect(faults[0]?.detail).toMatch(/normal keyboard mode/);
  });

  it('reads EM4100 frames carried in padded vendor reports with a report id', async () => {
    await startReader({ kind: 'vendor', format: 'em4100-ascii', reportId: true });
    const report = new Uint8Array(32);
    report.set([0x01, ...encodeEm4100('01026F6C3A')]);
    await sendReports(report, 32);
    expect(reads.map((r) => r.card)).toEqual([{ kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' }]);
  });

  it('reads vendor text reports that end in padding instead of CR', async () => {
    await startReader({ kind: 'vendor', format: 'qr-line' });
    const report = new Uint8Array(16);
    report.set(Array.from('0040856634', (c) => c.charCodeAt(0)));
    await sendReports(report, 16);
    expect(reads.map((r) => r.raw)).toEqual(['0040856634']);
  });
});
