/**
 * The receipt printer through real ttys: the driver and the simulator each on the real
 * serialport binding, on the two sides of a socat pty pair at 19200 baud, 8N1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { encodeDocument, type PrintDocument } from '../../hardware/printer/escpos';
import { pickupSlip } from '../../hardware/printer/pickup-slip';
import { PrinterSimulator } from '../../hardware/printer/printer-simulator';
import { ReceiptPrinter } from '../../hardware/printer/receipt-printer';
import { openPtyPair, type PtyPair } from '../../hardware/simulators/pty-pair';
import { SerialTransport } from '../../hardware/transport/serial-transport';

const BAUD = 19200;
let dir: string;
let pair: PtyPair;
let host: SerialTransport;
let device: SerialTransport;
let sim: PrinterSimulator;
let heard: number[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'printer-pty-'));
  pair = await openPtyPair({ hostLink: join(dir, 'printer-host'), deviceLink: join(dir, 'printer-device') });
  device = new SerialTransport({ path: pair.devicePath, baudRate: BAUD });
  await device.open();
  host = new SerialTransport({ path: pair.hostPath, baudRate: BAUD });
  await host.open();
  heard = [];
  device.on('data', (chunk) => heard.push(...chunk));
  sim = new PrinterSimulator(device);
  sim.start();
});
afterEach(async () => {
  sim.stop();
  await host.close();
  await device.close();
  await pair.close();
  rmSync(dir, { recursive: true, force: true });
});

function slip(): PrintDocument {
  const result = pickupSlip({ lockerNumber: 12, pickupCode: '123456', stationName: '休息站 3', language: 'zh-CN' });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

// The status timeout is generous because the machine running the tests may be loaded; the
// outcome, not the time, is what is asserted.
it('prints a pickup slip over a real tty: exact bytes on the line, exact text and QR data printed', async () => {
  const printer = new ReceiptPrinter(host, { statusTimeoutMs: 3000 });
  await expect(printer.print(slip())).resolves.toEqual({ ok: true });
  const encoded = encodeDocument(slip());
  if (!encoded.ok) throw new Error(encoded.message);
  expect(heard).toEqual([0x10, 0x04, 0x04, ...encoded.value, 0x10, 0x04, 0x04]);
  expect(sim.lines).toEqual(['休息站 3', '储物柜', '12', '取件码', '123456', '请保留此单，凭此单开柜']);
  expect(sim.qrCodes).toEqual(['L12-123456']);
  expect(sim.cuts).toBe(1);
  expect(sim.errors).toEqual([]);
});

it('reports paper-out over a real tty and sends no slip', async () => {
  sim.inject({ kind: 'paper-out' });
  const printer = new ReceiptPrinter(host, { statusTimeoutMs: 3000 });
  await expect(printer.print(slip())).resolves.toMatchObject({ ok: false, code: 'paper-out' });
  expect(heard).toEqual([0x10, 0x04, 0x04]);
  expect(sim.lines).toEqual([]);
});
