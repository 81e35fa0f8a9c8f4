import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stallingClock } from '../testing/stalling-clock';
import { createTransportPair, type MemoryTransport } from '../transport/memory-transport';
import type { PrintDocument } from './escpos';
import { pickupSlip } from './pickup-slip';
import { PrinterSimulator } from './printer-simulator';
import { ReceiptPrinter } from './receipt-printer';

let host: MemoryTransport;
let device: MemoryTransport;
let sim: PrinterSimulator;
let printer: ReceiptPrinter;
let sent: number[];
beforeEach(async () => {
  vi.useFakeTimers();
  ({ host, device } = createTransportPair());
  await host.open();
  await device.open();
  sim = new PrinterSimulator(device, { replyDelayMs: 5 });
  sim.start();
  sent = [];
  device.on('data', (chunk) => sent.push(...chunk));
  printer = new ReceiptPrinter(host, { statusTimeoutMs: 500 });
});
afterEach(() => {
  sim.stop();
  vi.useRealTimers();
});

function slip(lockerNumber: number, pickupCode: string): PrintDocument {
  const result = pickupSlip({ lockerNumber, pickupCode, stationName: 'Rest Stop 3', language: 'zh-CN' });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const PAPER_STATUS = [0x10, 0x04, 0x04];

describe('ReceiptPrinter', () => {
  it('asks for paper, prints the slip, asks again, and resolves ok', async () => {
    const job = printer.print(slip(12, '123456'));
    await vi.advanceTimersByTimeAsync(20);
    await expect(job).resolves.toEqual({ ok: true });
    expect(sent.slice(0, 3)).toEqual(PAPER_STATUS);
    expect(sent.slice(-3)).toEqual(PAPER_STATUS);
    expect(sim.lines).toEqual(['Rest Stop 3', '储物柜', '12', '取件码', '123456', '请保留此单，凭此单开柜']);
    expect(sim.qrCodes).toEqual(['L12-123456']);
    expect(sim.cuts).toBe(1);
    expect(sim.errors).toEqual([]);
  });

  it('paper out: sends no slip and says paper-out', async () => {
    sim.inject({ kind: 'paper-out' });
    const job = printer.print(slip(12, '123456'));
    await vi.advanceTimersByTimeAsync(20);
    await expect(job).resolves.toEqual({ ok: false, code: 'paper-out', message: 'memory:host reports paper end before printing' });
    expect(sent).toEqual(PAPER_STATUS);
  });

  it('offline: says offline once the status timeout has passed, not before', async () => {
    sim.inject({ kind: 'offline' });
    let settled: unknown;
    void printer.print(slip(12, '123456')).then((r) => { settled = r; });
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual({ ok: false, code: 'offline', message: 'memory:host did not answer a status request before printing within 500 ms' });
  });

  it('takes a status answer that waited unread through a stall past the timeout', async () => {
    const { clock, stall } = stallingClock();
    printer = new ReceiptPrinter(host, { clock, statusTimeoutMs: 500 });
    sim.inject({ kind: 'offline' });
    let settled: unknown;
    void printer.paperStatus().then((r) => { settled = r; });
    await vi.advanceTimersByTimeAsync(10);
    // The printer answers, but the loop is busy for 700 ms: the timeout comes due before the read.
    stall(700);
    await vi.advanceTimersByTimeAsync(490);
    expect(settled).toBeUndefined();
    await device.write(Uint8Array.of(0x12));
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe('present');
  });

  it('slow answers within the timeout still print; slower ones are offline', async () => {
    sim.inject({ kind: 'slow', delayMs: 400 });
    const first = printer.print(slip(1, '000001'));
    await vi.advanceTimersByTimeAsync(800);
    await expect(first).resolves.toEqual({ ok: true });
    sim.inject({ kind: 'slow', delayMs: 600 });
    const second = printer.print(slip(2, '000002'));
    await vi.advanceTimersByTimeAsync(500);
    await expect(second).resolves.toMatchObject({ ok: false, code: 'offline' });
    expect(sim.qrCodes).toEqual(['L1-000001']);
  });

  it('runs jobs one at a time, in call order', async () => {
    const jobs = [printer.print(slip(3, '333333')), printer.print(slip(4, '444444'))];
    await vi.advanceTimersByTimeAsync(50);
    await expect(Promise.all(jobs)).resolves.toEqual([{ ok: true }, { ok: true }]);
    expect(sim.qrCodes).toEqual(['L3-333333', 'L4-444444']);
    // Each job's status request, slip and status request come before the next job's.
    const statusRequests = sim.commands.filter((c) => c.op === 'status-request').length;
    expect(statusRequests).toBe(4);
    expect(sim.commands.map((c) => c.op).join(' ')).toMatch(/^status-request init .* cut status-request status-request init .* cut status-request$/);
  });

  it('a document it cannot encode is refused and nothing is sent', async () => {
    const job = printer.print({ blocks: [{ kind: 'text', text: '😀' }] });
    await vi.advanceTimersByTimeAsync(20);
    await expect(job).resolves.toMatchObject({ ok: false, code: 'invalid-document' });
    expect(sent).toEqual([]);
  });

  it('a closed transport is offline, without throwing', async () => {
    await host.close();
    const job = printer.print(slip(12, '123456'));
    await vi.advanceTimersByTimeAsync(500);
    await expect(job).resolves.toMatchObject({ ok: false, code: 'offline' });
  });

  it('ignores stray bytes that are not a status answer', async () => {
    const job = printer.print(slip(12, '123456'));
    await device.write(Uint8Array.of(0x00, 0xff));
    await vi.advanceTimersByTimeAsync(20);
    await expect(job).resolves.toEqual({ ok: true });
  });
});
