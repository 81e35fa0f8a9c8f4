/**
 * Card tap → welcome screen painted, end to end: bytes paced at the reader's baud rate into
 * the station's simulated-reader pseudo-terminal, through the real serialport binding, the
 * service and SQLite, over the loopback WebSocket into Chromium, until the frame after the
 * welcome screen appears.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { loadDevicesConfig } from '../../hardware/devices/device-config';
import { encodeTap } from '../../hardware/simulators/card-reader-simulator';
import { SIM_DIR_NAME } from '../../hardware/simulators/default-simulated-reader';
import { SerialTransport } from '../../hardware/transport/serial-transport';
import { startStation } from '../support/station-process';
import { DISPLAY_FRAME_MS, percentile, reportLine, wireTimeMs } from './stats';

const BAUD = 9600;
const BYTE_MS = wireTimeMs(1, BAUD);

export async function benchTapToPaint(browser: Browser, taps: number): Promise<string[]> {
  const station = await startStation();
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const device = deviceSide(station.dataDir);
  await device.open();
  try {
    await page.goto(station.screenUrl);
    await page.getByTestId('screen-attract').waitFor();
    const samples: number[] = [];
    for (let i = 0; i < taps; i++) {
      // Distinct cards, so every tap is a new visit (10-digit decimal UIDs).
      const frame = encodeTap(String(1_000_000_000 + i * 7919).padStart(10, '0'), 'em4100');
      await page.evaluate(ARM_PAINT_PROBE);
      const firstByteAt = await writePaced(device, frame);
      const paintedAt = Number(await page.evaluate('window.__paint'));
      samples.push(paintedAt - firstByteAt);
      await page.getByTestId('done-button').first().click();
      await page.getByTestId('screen-attract').waitFor();
    }
    const floor = wireTimeMs(14, BAUD) + DISPLAY_FRAME_MS;
    return [
      `Card tap → welcome painted (${taps} taps, EM4100 14 B @ ${BAUD} baud)`,
      reportLine('  p50', percentile(samples, 50), floor, 'floor'),
      reportLine('  p95', percentile(samples, 95), floor, 'floor'),
      reportLine('  p95 against the 150 ms target', percentile(samples, 95), 150, 'target'),
      `  floor = wire time ${wireTimeMs(14, BAUD).toFixed(1)} ms + one 60 Hz frame ${DISPLAY_FRAME_MS.toFixed(1)} ms`,
    ];
  } finally {
    await device.close();
    await page.close();
    await station.stop();
  }
}

function deviceSide(dataDir: string): SerialTransport {
  const loaded = loadDevicesConfig(join(dataDir, SIM_DIR_NAME, 'devices.json'));
  const path = loaded.ok ? loaded.config.readers.find((r) => r.simulatorPath)?.simulatorPath : undefined;
  if (!path) throw new Error(`no simulated reader in ${dataDir}: ${loaded.ok ? 'no simulator path' : loaded.message}`);
  return new SerialTransport({ path, lock: false });
}

/** Writes one byte per byte-time, as a reader on a 9600 baud line would; returns the epoch ms of the first byte. */
async function writePaced(device: SerialTransport, frame: Uint8Array): Promise<number> {
  const start = performance.timeOrigin + performance.now();
  for (let i = 0; i < frame.length; i++) {
    const due = start + i * BYTE_MS;
    while (performance.timeOrigin + performance.now() < due) await new Promise((r) => setImmediate(r));
    await device.write(frame.subarray(i, i + 1));
  }
  return start;
}

/**
 * Runs in the page (kept as source text: the Node-side program has no DOM types). Sets
 * `window.__paint` to a promise of the epoch ms just after the welcome screen's first frame:
 * rAF runs just before the frame is produced, and the next task runs after it is painted.
 */
const ARM_PAINT_PROBE = `
window.__paint = new Promise((resolve) => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="screen-welcome"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document.body, { childList: true, subtree: true });
});
// The script's value must not be the promise, or evaluate() would wait for the paint.
undefined;
`;
