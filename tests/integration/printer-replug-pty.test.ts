/**
 * The printer device watches its tty the way the card reader does: on a real socat pty pair
 * it goes offline when socat dies (the unplug: its links vanish) and is back within about a
 * second of a new pair appearing on the same links (the replug). The paper check is set to a
 * minute here, so only the path watch can bring it back in time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createPrinterDevice, type PrinterDevice } from '../../hardware/printer/printer-device';
import { pickupSlip } from '../../hardware/printer/pickup-slip';
import { PrinterSimulator } from '../../hardware/printer/printer-simulator';
import { openPtyPair, type PtyPair } from '../../hardware/simulators/pty-pair';
import { waitUntil } from '../../hardware/testing/wait-until';
import { SerialTransport } from '../../hardware/transport/serial-transport';

const BAUD = 19_200;
let dir: string;
let pair: PtyPair | undefined;
let device: SerialTransport | undefined;
let sim: PrinterSimulator | undefined;
let printer: PrinterDevice | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'printer-replug-'));
});
afterEach(async () => {
  await printer?.stop();
  sim?.stop();
  await device?.close().catch(() => undefined);
  await pair?.close();
  rmSync(dir, { recursive: true, force: true });
});

const links = () => ({ hostLink: join(dir, 'printer-host'), deviceLink: join(dir, 'printer-device') });

/** Plugs in a printer: a new socat pair on the same links, the simulator on its device side. */
async function plugIn(): Promise<void> {
  pair = await openPtyPair(links());
  device = new SerialTransport({ path: pair.devicePath, baudRate: BAUD });
  await device.open();
  sim = new PrinterSimulator(device);
  sim.start();
}

it('goes offline when its tty vanishes and is online again within ~1 s of the replug, not at the next paper check', async () => {
  await plugIn();
  printer = createPrinterDevice({
    id: 'slips',
    name: 'Slip printer',
    simulated: false,
    createTransport: () => new SerialTransport({ path: links().hostLink, baudRate: BAUD }),
    livenessPath: links().hostLink,
    checkIntervalMs: 60_000,
    // Generous for a loaded machine: the outcome, not this time, is asserted.
    statusTimeoutMs: 3000,
  });
  await printer.start();
  expect(printer.state).toBe('online');

  const unpluggedAt = Date.now();
  process.kill(pair!.pid!, 'SIGKILL');
  await pair!.whenExited;
  await waitUntil(() => printer!.state === 'offline', 'printer offline after unplug', 5000);
  const offlineMs = Date.now() - unpluggedAt;
  sim!.stop();
  await device!.close().catch(() => undefined);

  await plugIn();
  const repluggedAt = Date.now();
  // One liveness tick (1 s), the open and one status round trip; a 10 s wait would fail this.
  await waitUntil(() => printer!.state === 'online', 'printer online again by itself', 5000);
  const onlineMs = Date.now() - repluggedAt;
  expect(onlineMs).toBeLessThan(5000);

  const made = pickupSlip({ lockerNumber: 7, pickupCode: '314159', stationName: 'Test station', language: 'en' });
  if (!made.ok) throw new Error(made.message);
  expect(await printer.print(made.value)).toEqual({ ok: true });
  expect(sim!.qrCodes).toEqual(['L7-314159']);
  console.log(`printer: offline ${offlineMs} ms after unplug, online ${onlineMs} ms after replug`);
}, 30_000);
