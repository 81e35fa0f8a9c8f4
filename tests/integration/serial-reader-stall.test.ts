/**
 * A stalled event loop must not cut a card frame whose tail arrived in time. Real ttys:
 * the real serialport binding reads the host side of a socat pty pair; the test writes the
 * device side with plain synchronous writes, so it can do so while its own event loop is
 * blocked (a busy loop standing in for a synchronous SQLite call waiting on a lock).
 */
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardRead, CardReader, CardReadFault } from '../../hardware/drivers/card-reader/card-reader';
import { createSerialCardReader } from '../../hardware/drivers/card-reader/serial-card-reader';
import { encodeTap } from '../../hardware/simulators/card-reader-simulator';
import { openPtyPair, type PtyPair } from '../../hardware/simulators/pty-pair';
import { waitUntil } from '../../hardware/testing/wait-until';
import { SerialTransport } from '../../hardware/transport/serial-transport';

const STALL_MS = 300;
const TAPS = 5;

let dir: string;
let pair: PtyPair;
let deviceFd: number;
let reader: CardReader;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serial-stall-'));
  pair = await openPtyPair({ hostLink: join(dir, 'host'), deviceLink: join(dir, 'device') });
  deviceFd = openSync(pair.devicePath, constants.O_RDWR | constants.O_NOCTTY);
});
afterEach(async () => {
  await reader?.stop();
  closeSync(deviceFd);
  await pair.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Blocks this process's event loop for `ms`, writing `tail` to the device side after `writeAfterMs`. */
function stallWhileWriting(ms: number, writeAfterMs: number, tail: Uint8Array): void {
  const start = performance.now();
  let written = false;
  while (performance.now() - start < ms) {
    if (!written && performance.now() - start >= writeAfterMs) {
      writeSync(deviceFd, tail);
      written = true;
    }
  }
}

describe('serial card reader under a stalled event loop (real pty)', () => {
  it(`reads ${TAPS} of ${TAPS} taps whose halves straddle a ${STALL_MS} ms stall`, async () => {
    let bytesIn = 0;
    reader = createSerialCardReader({
      id: 'door', name: 'Door reader', codec: 'em4100-ascii',
      createTransport: () => {
        const transport = new SerialTransport({ path: pair.hostPath, baudRate: 9600 });
        transport.on('data', (chunk) => (bytesIn += chunk.length));
        return transport;
      },
    });
    const reads: CardRead[] = [];
    const faults: CardReadFault[] = [];
    reader.on('read', (r) => reads.push(r));
    reader.on('fault', (f) => faults.push(f));
    await reader.start();
    await waitUntil(() => reader.state === 'online', 'reader online');

    const frame = encodeTap('01026F6C3A', 'em4100');
    for (let tap = 1; tap <= TAPS; tap++) {
      const before = bytesIn;
      writeSync(deviceFd, frame.subarray(0, 6));
      // The first half must be in the reader before the stall, or the test proves nothing.
      await waitUntil(() => bytesIn >= before + 6, `first half of tap ${tap} read`);
      stallWhileWriting(STALL_MS, 20, frame.subarray(6));
      await waitUntil(() => reads.length === tap || faults.length > 0, `tap ${tap} read`);
    }
    expect(faults).toEqual([]);
    expect(reads.map((r) => r.raw)).toEqual(Array(TAPS).fill('01026F6C3A'));
  }, 30_000);
});
