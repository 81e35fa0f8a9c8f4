import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTransportPair, type MemoryTransport } from '../transport/memory-transport';
import { encodeDocument } from './escpos';
import { KEPT_RECORDS, PrinterSimulator } from './printer-simulator';

let host: MemoryTransport;
let sim: PrinterSimulator;
let answers: number[];
beforeEach(async () => {
  vi.useFakeTimers();
  const pair = createTransportPair();
  host = pair.host;
  await host.open();
  await pair.device.open();
  sim = new PrinterSimulator(pair.device, { replyDelayMs: 1 });
  sim.start();
  answers = [];
  host.on('data', (chunk) => answers.push(...chunk));
});
afterEach(() => {
  sim.stop();
  vi.useRealTimers();
});

function document(): Uint8Array {
  const encoded = encodeDocument({ blocks: [{ kind: 'text', text: 'Locker', size: 2 }, { kind: 'qr', data: 'L7-000111' }, { kind: 'cut' }] });
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.value;
}

describe('PrinterSimulator', () => {
  it('records what it printed: lines, QR data and cuts', async () => {
    await host.write(document());
    await vi.advanceTimersByTimeAsync(0);
    expect(sim.lines).toEqual(['Locker']);
    expect(sim.qrCodes).toEqual(['L7-000111']);
    expect(sim.cuts).toBe(1);
    expect(sim.errors).toEqual([]);
    expect(sim.commands[0]).toEqual({ op: 'init' });
  });

  it('run for months, keeps only the recent past: the last commands and lines printed, never more than twice as many', async () => {
    const slip = encodeDocument({ blocks: [...Array.from({ length: 3 * KEPT_RECORDS }, (_, i) => ({ kind: 'text' as const, text: `line ${i}` })), { kind: 'cut' }] });
    if (!slip.ok) throw new Error(slip.message);
    await host.write(slip.value);
    await vi.advanceTimersByTimeAsync(1);
    expect(sim.commands.length).toBeGreaterThanOrEqual(KEPT_RECORDS);
    expect(sim.commands.length).toBeLessThanOrEqual(2 * KEPT_RECORDS);
    expect(sim.commands.at(-1)).toMatchObject({ op: 'cut' });
    expect(sim.lines.length).toBeGreaterThanOrEqual(KEPT_RECORDS);
    expect(sim.lines.length).toBeLessThanOrEqual(2 * KEPT_RECORDS);
    expect(sim.lines.at(-1)).toBe(`line ${3 * KEPT_RECORDS - 1}`);
  });

  it('answers DLE EOT 1 and DLE EOT 4 with the ready and paper-present bytes after its delay', async () => {
    await host.write(Uint8Array.of(0x10, 0x04, 0x01, 0x10, 0x04, 0x04));
    await vi.advanceTimersByTimeAsync(0);
    expect(answers).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(answers).toEqual([0x12, 0x12]);
  });

  it('paper out: prints nothing, answers paper end and offline', async () => {
    sim.inject({ kind: 'paper-out' });
    await host.write(document());
    await host.write(Uint8Array.of(0x10, 0x04, 0x04, 0x10, 0x04, 0x01));
    await vi.advanceTimersByTimeAsync(1);
    expect(answers).toEqual([0x72, 0x1a]);
    expect(sim.lines).toEqual([]);
    expect(sim.qrCodes).toEqual([]);
    expect(sim.cuts).toBe(0);
    sim.clearFaults();
    await host.write(Uint8Array.of(0x10, 0x04, 0x04));
    await vi.advanceTimersByTimeAsync(1);
    expect(answers).toEqual([0x72, 0x1a, 0x12]);
  });

  it('offline: hears nothing and answers nothing', async () => {
    sim.inject({ kind: 'offline' });
    await host.write(document());
    await host.write(Uint8Array.of(0x10, 0x04, 0x04));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(answers).toEqual([]);
    expect(sim.commands).toEqual([]);
    expect(sim.lines).toEqual([]);
  });

  it('slow: answers after the injected delay, not before', async () => {
    sim.inject({ kind: 'slow', delayMs: 1500 });
    await host.write(Uint8Array.of(0x10, 0x04, 0x04));
    await vi.advanceTimersByTimeAsync(1499);
    expect(answers).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(answers).toEqual([0x12]);
  });

  it('records bytes it cannot read as errors and prints on', async () => {
    await host.write(Uint8Array.of(0x41, 0x1b, 0x74, 0x00, 0x0a));
    await vi.advanceTimersByTimeAsync(0);
    expect(sim.errors.map((e) => [e.code, e.offset])).toEqual([['unknown-command', 1], ['unknown-command', 3]]);
    // After skipping ESC, "t" is text and 00 is another unreadable byte, as a real printer would garble it.
    expect(sim.lines).toEqual(['At']);
  });

  it('drops an answer not yet sent when stopped', async () => {
    await host.write(Uint8Array.of(0x10, 0x04, 0x04));
    await vi.advanceTimersByTimeAsync(0);
    sim.stop();
    await vi.advanceTimersByTimeAsync(10);
    expect(answers).toEqual([]);
  });

  it('refuses a negative delay', () => {
    expect(() => sim.inject({ kind: 'slow', delayMs: -1 })).toThrow(TypeError);
  });
});
