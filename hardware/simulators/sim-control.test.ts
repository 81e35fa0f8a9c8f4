import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockerProtocol } from '../lockers/protocols/index';
import { createTransportPair } from '../transport/memory-transport';
import { LockerBoardSimulator } from './locker-board-simulator';
import { sendSimCommand, startSimControl, type SimControlServer } from './sim-control';

let dir: string;
let socketPath: string;
let simulator: LockerBoardSimulator;
let server: SimControlServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sim-control-'));
  socketPath = join(dir, 'control.sock');
  const { device } = createTransportPair();
  await device.open();
  simulator = new LockerBoardSimulator(device, { protocol: lockerProtocol('8a80'), boards: [{ address: 1, channels: 16, polarity: 'closed-is-set' }] });
  simulator.start();
  server = await startSimControl(socketPath, simulator);
});
afterEach(async () => {
  await server.close();
  simulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** One raw line to the socket, the answer line back. */
function rawLine(line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath, () => socket.write(line));
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        socket.destroy();
        resolve(text.trim());
      }
    });
    socket.on('error', reject);
  });
}

describe('simulator control socket', () => {
  it('is owner-only and plays the worker: door forced open, phone in, door shut', async () => {
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
    expect(await sendSimCommand(socketPath, { op: 'open-by-hand', board: 1, lock: 3 })).toEqual({ ok: true, door: { closed: false, itemPresent: false, powered: false } });
    expect(await sendSimCommand(socketPath, { op: 'phone-in', board: 1, lock: 3 })).toEqual({ ok: true, door: { closed: false, itemPresent: true, powered: false } });
    expect(await sendSimCommand(socketPath, { op: 'close-door', board: 1, lock: 3 })).toEqual({ ok: true, door: { closed: true, itemPresent: true, powered: false } });
    expect(simulator.door(1, 3)).toMatchObject({ closed: true, itemPresent: true });
    expect(simulator.door(1, 4)).toMatchObject({ closed: true, itemPresent: false });
  });

  it('answers bad lines, unknown boards and unknown ops without stopping', async () => {
    expect(JSON.parse(await rawLine('hello\n'))).toEqual({ ok: false, message: 'not JSON' });
    expect(JSON.parse(await rawLine('{"op":"explode"}\n'))).toMatchObject({ ok: false });
    const missing = await sendSimCommand(socketPath, { op: 'close-door', board: 9, lock: 1 });
    expect(missing.ok).toBe(false);
    expect(await sendSimCommand(socketPath, { op: 'clear-faults' })).toEqual({ ok: true });
  });

  it('refuses an endless line, and says plainly when no station listens', async () => {
    expect(JSON.parse(await rawLine('x'.repeat(5000)))).toEqual({ ok: false, message: 'command too long' });
    await server.close();
    expect(await sendSimCommand(socketPath, { op: 'clear-faults' })).toEqual({ ok: false, message: `no station simulator is listening at ${socketPath}` });
  });
});
