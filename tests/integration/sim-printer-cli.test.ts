/**
 * The built-in simulated slip printer as `npm start` runs it: the real printer device on the
 * serialport binding over a socat pair, the ESC/POS simulator on the other side, and
 * `npm run sim -- printer …` through its control socket.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickupSlip } from '../../hardware/printer/pickup-slip';
import { startDefaultSimulatedPrinter, type DefaultSimulatedPrinter } from '../../hardware/simulators/default-simulated-printer';
import { main as sim } from '../../scripts/sim';

let dataDir: string;
let printer: DefaultSimulatedPrinter | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sim-printer-'));
});
afterEach(async () => {
  await printer?.close();
  printer = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await sim(args, { ...process.env, STATION_DATA_DIR: dataDir }, { log: (l) => out.push(l), error: (l) => out.push(l) });
  return { code, out };
}

const slip = () => {
  const made = pickupSlip({ lockerNumber: 7, pickupCode: '305118', stationName: '朝阳驿站', language: 'zh-CN' });
  if (!made.ok) throw new Error(made.message);
  return made.value;
};

describe('simulated slip printer', () => {
  it('prints over the pty pair, and npm run sim shows what it printed and runs it out of paper', async () => {
    printer = await startDefaultSimulatedPrinter(dataDir);
    await printer.printer.start();
    expect(printer.printer.state).toBe('online');
    expect(await run('printer', 'printed')).toEqual({ code: 0, out: ['Nothing printed yet.'] });
    expect(await printer.printer.print(slip())).toEqual({ ok: true });
    expect(await run('printer', 'printed')).toEqual({
      code: 0,
      out: ['朝阳驿站\n储物柜\n7\n取件码\n305118\n请保留此单，凭此单开柜\n(QR codes: L7-305118; cuts: 1)'],
    });
    expect(await run('printer', 'paper-out')).toEqual({ code: 0, out: ['The simulated printer is out of paper'] });
    expect(await printer.printer.print(slip())).toMatchObject({ ok: false, code: 'paper-out' });
    expect(printer.printer.state).toBe('degraded');
    expect(await run('printer', 'clear')).toEqual({ code: 0, out: ['The simulated printer has paper and power again'] });
    expect(await printer.printer.print(slip())).toEqual({ ok: true });
    expect(printer.simulator.cuts).toBe(2);
  });

  it('comes back by itself when its socat dies, and says clearly when no station runs', async () => {
    expect(await run('printer', 'printed')).toMatchObject({ code: 1, out: [expect.stringContaining('Is a station with the simulated printer running')] });
    expect(await run('printer', 'jam')).toMatchObject({ code: 2 });
    printer = await startDefaultSimulatedPrinter(dataDir, { onRecovered: () => undefined });
    await printer.printer.start();
    const socat = readFileSync(join(dataDir, 'sim', 'printer-host.pid'), 'utf8').trim();
    process.kill(Number(socat), 'SIGKILL');
    // A print meanwhile finds the printer deaf, drops the port, and the next one opens the new pair.
    const answers: string[] = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const result = await printer.printer.print(slip());
      answers.push(result.ok ? 'ok' : result.code);
      if (result.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 50)); // the next attempt, not a wait for an outcome
    }
    expect(answers.at(-1)).toBe('ok');
    expect(answers.slice(0, -1).every((a) => a === 'offline')).toBe(true);
    expect(printer.printer.state).toBe('online');
    expect(printer.simulator.qrCodes.at(-1)).toBe('L7-305118');
  });
});
