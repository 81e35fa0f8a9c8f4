import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTransportPair, type MemoryTransport } from '../transport/memory-transport';
import { createPrinterDevice, type PrinterDevice } from './printer-device';
import { pickupSlip } from './pickup-slip';
import { PrinterSimulator } from './printer-simulator';

function slip() {
  const made = pickupSlip({ lockerNumber: 12, pickupCode: '042917', stationName: 'Test station', language: 'en' });
  if (!made.ok) throw new Error(made.message);
  return made.value;
}

describe('printer device', () => {
  let host: MemoryTransport;
  let device: MemoryTransport;
  let simulator: PrinterSimulator;
  let printer: PrinterDevice;
  let changes: string[];

  beforeEach(async () => {
    vi.useFakeTimers();
    ({ host, device } = createTransportPair('/dev/ttyPRN', 'memory:printer'));
    await device.open();
    simulator = new PrinterSimulator(device, { replyDelayMs: 0 });
    simulator.start();
    printer = createPrinterDevice({ id: 'slips', name: 'Slip printer', simulated: false, createTransport: () => host, checkIntervalMs: 10_000, statusTimeoutMs: 500 });
    changes = [];
    printer.onChange(() => changes.push(`${printer.state}:${printer.detail}`));
  });
  afterEach(async () => {
    await printer.stop();
    vi.useRealTimers();
  });

  it('is online once the paper sensor answers, and prints the slip the simulator reads back', async () => {
    await printer.start();
    expect(printer.state).toBe('online');
    expect(await printer.print(slip())).toEqual({ ok: true });
    expect(simulator.lines).toContain('042917');
    expect(simulator.qrCodes).toEqual(['L12-042917']);
    expect(simulator.cuts).toBe(1);
  });

  it('says out of paper at the next check, and online again when paper is back', async () => {
    await printer.start();
    simulator.inject({ kind: 'paper-out' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(printer.state).toBe('degraded');
    expect(printer.detail).toBe('out of paper (/dev/ttyPRN)');
    expect(await printer.print(slip())).toMatchObject({ ok: false, code: 'paper-out' });
    expect(simulator.cuts).toBe(0);
    simulator.clearFaults();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(changes).toEqual(['online:', 'degraded:out of paper (/dev/ttyPRN)', 'online:']);
  });

  it('goes offline when status requests go unanswered, without rejecting', async () => {
    simulator.inject({ kind: 'offline' });
    const started = printer.start();
    await vi.advanceTimersByTimeAsync(500);
    await started;
    expect(printer.state).toBe('offline');
    expect(printer.detail).toContain('does not answer status requests');
  });

  it('a port that will not open is offline with the reason; an unplugged one reopens at the next check', async () => {
    host.failOpens('No such file or directory');
    await printer.start();
    expect(printer.state).toBe('offline');
    expect(printer.detail).toBe('Cannot open /dev/ttyPRN: No such file or directory');
    expect(await printer.print(slip())).toMatchObject({ ok: false, code: 'offline' });
    host.failOpens(undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(printer.state).toBe('online');
    host.simulateLoss();
    expect(printer.state).toBe('offline');
    expect(printer.detail).toBe('/dev/ttyPRN was closed (unplugged?)');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(printer.state).toBe('online');
  });

  describe('with its device path watched', () => {
    let present: boolean;
    let watched: PrinterDevice;
    beforeEach(() => {
      present = true;
      watched = createPrinterDevice({
        id: 'slips', name: 'Slip printer', simulated: false, createTransport: () => host,
        checkIntervalMs: 10_000, statusTimeoutMs: 500,
        livenessPath: '/dev/ttyPRN',
        // Test double of the file system: the tty is there while `present`.
        pathExists: (path) => path === '/dev/ttyPRN' && present,
      });
      changes = [];
      watched.onChange(() => changes.push(`${watched.state}:${watched.detail}`));
    });
    afterEach(() => watched.stop());

    it('goes offline within a second of its path vanishing, and is back within a second of its return', async () => {
      await watched.start();
      expect(watched.state).toBe('online');
      present = false;
      await vi.advanceTimersByTimeAsync(999);
      expect(watched.state).toBe('online');
      await vi.advanceTimersByTimeAsync(1);
      expect(watched.state).toBe('offline');
      expect(watched.detail).toBe('/dev/ttyPRN is gone (unplugged?)');
      expect(host.isOpen).toBe(false);
      expect(await watched.print(slip())).toMatchObject({ ok: false, code: 'offline' });
      // Still gone: nothing is reopened and nothing more is reported.
      await vi.advanceTimersByTimeAsync(3000);
      present = true;
      await vi.advanceTimersByTimeAsync(1000);
      expect(watched.state).toBe('online');
      expect(changes).toEqual(['online:', 'offline:/dev/ttyPRN is gone (unplugged?)', 'online:']);
      expect(await watched.print(slip())).toEqual({ ok: true });
      expect(simulator.cuts).toBe(1);
    });

    it('a port closed under it while the path stays is reopened at the next liveness tick, not the next paper check', async () => {
      await watched.start();
      host.simulateLoss();
      expect(watched.detail).toBe('/dev/ttyPRN was closed (unplugged?)');
      await vi.advanceTimersByTimeAsync(1000);
      expect(watched.state).toBe('online');
    });

    it('keeps trying each second after a return while the port will not open yet', async () => {
      await watched.start();
      present = false;
      await vi.advanceTimersByTimeAsync(1000);
      host.failOpens('Permission denied');
      present = true;
      await vi.advanceTimersByTimeAsync(1000);
      expect(watched.detail).toBe('Cannot open /dev/ttyPRN: Permission denied');
      host.failOpens(undefined);
      await vi.advanceTimersByTimeAsync(1000);
      expect(watched.state).toBe('online');
    });

    it('stop() ends the watch: a later vanishing changes nothing', async () => {
      await watched.start();
      await watched.stop();
      changes = [];
      present = false;
      await vi.advanceTimersByTimeAsync(5000);
      expect(changes).toEqual([]);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
