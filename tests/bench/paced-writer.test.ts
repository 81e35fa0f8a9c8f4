/**
 * The tap bench's reader side must not lose taps of its own making: a pause of the bench's
 * main thread in the middle of a frame (Playwright, GC) must not become a gap on the line,
 * which the station rightly cuts as a truncated frame. Real station process, real socat pty,
 * real serial driver; the pause is a busy loop on the test's main thread.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TAP_TIMING_ENV, parseTapTimingLines } from '../../electron/service/tap-timing';
import { loadDevicesConfig } from '../../hardware/devices/device-config';
import { encodeTap } from '../../hardware/simulators/card-reader-simulator';
import { SIM_DIR_NAME } from '../../hardware/simulators/default-simulated-reader';
import { waitUntil } from '../../hardware/testing/wait-until';
import { startStation, type StationProcess } from '../support/station-process';
import { openPacedWriter, type PacedWriter } from './paced-writer';
import { wireTimeMs } from './stats';

const BYTE_MS = wireTimeMs(1, 9600);
/** Longer than the reader's 100 ms gap, so a pause that reached the line would cut the frame. */
const PAUSE_MS = 300;

let station: StationProcess | undefined;
let writer: PacedWriter | undefined;
afterEach(async () => {
  await writer?.close();
  await station?.stop();
});

function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('the tap bench paced writer', () => {
  it(`writes whole frames at the baud rate while the bench's main thread pauses ${PAUSE_MS} ms mid-frame`, async () => {
    station = await startStation({ env: { [TAP_TIMING_ENV]: '1' } });
    const loaded = loadDevicesConfig(join(station.dataDir, SIM_DIR_NAME, 'devices.json'));
    const path = loaded.ok ? loaded.config.readers[0]?.simulatorPath : undefined;
    expect(path).toBeDefined();
    writer = openPacedWriter(path!, BYTE_MS);
    const taps = 3;
    for (let tap = 1; tap <= taps; tap++) {
      const written = writer.write(encodeTap(String(1_000_000_000 + tap).padStart(10, '0'), 'em4100'));
      // A few bytes into the 14.6 ms frame, the main thread stops answering.
      const start = performance.now();
      while (performance.now() - start < 5) await new Promise((resolve) => setImmediate(resolve));
      busyFor(PAUSE_MS);
      const { firstByte, wire, maxLateMs } = await written;
      // The frame left at the line's pace, untouched by the pause (generous for a busy machine).
      expect(wire - firstByte).toBeGreaterThanOrEqual(14 * BYTE_MS - 0.01);
      expect(maxLateMs).toBeLessThan(50);
      await waitUntil(() => parseTapTimingLines(station!.output()).length === tap, `tap ${tap} checked in`, 10_000);
    }
    expect(parseTapTimingLines(station.output()).map((r) => r.visitId)).toEqual([1, 2, 3]);
    // No frame was cut: the station logs every fault it shows.
    expect(station.output()).not.toMatch(/^Card reader /m);
  }, 60_000);
});
