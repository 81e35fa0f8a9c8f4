/**
 * `npm run sim -- locker …` against the built-in simulated locker wall, as `npm start` runs
 * it: the real driver on a socat pair, the board simulator, its control socket.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoorReading } from '../../hardware/drivers/locker-bus/locker-bus';
import { startDefaultSimulatedLockers, type DefaultSimulatedLockers } from '../../hardware/simulators/default-simulated-lockers';
import { waitUntil } from '../../hardware/testing/wait-until';
import { main as sim } from '../../scripts/sim';

let dataDir: string;
let lockers: DefaultSimulatedLockers | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sim-lockers-'));
});
afterEach(async () => {
  await lockers?.close();
  lockers = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await sim(args, { ...process.env, STATION_DATA_DIR: dataDir }, { log: (l) => out.push(l), error: (l) => out.push(l) });
  return { code, out };
}

describe('npm run sim -- locker', () => {
  it('opens and shuts doors of the simulated wall, and the driver sees it', async () => {
    lockers = await startDefaultSimulatedLockers(dataDir);
    const doors: DoorReading[] = [];
    lockers.bus.on('door', (reading) => doors.push(reading));
    await lockers.bus.start();
    await waitUntil(() => lockers?.bus.state === 'online', 'simulated wall online', 5000);

    expect(await run('locker', 'open', '4')).toEqual({ code: 0, out: ['Locker 4: door open, empty'] });
    await waitUntil(() => doors.some((d) => d.lock === 4 && !d.closed), 'door 4 seen open', 5000);
    expect(await run('locker', 'phone-in', '4')).toEqual({ code: 0, out: ['Locker 4: door open, phone inside'] });
    expect(await run('locker', 'close', '4')).toEqual({ code: 0, out: ['Locker 4: door shut, phone inside'] });
    await waitUntil(() => doors.at(-1)?.lock === 4 && doors.at(-1)?.closed === true, 'door 4 seen shut', 5000);

    expect(await run('locker', 'jam', '2')).toMatchObject({ code: 0 });
    expect(await lockers.bus.open(1, 2)).toMatchObject({ ok: false, reason: 'jammed' });
    expect(await run('locker', 'clear')).toEqual({ code: 0, out: ['Cleared every simulated fault'] });
    expect(await lockers.bus.open(1, 2)).toMatchObject({ ok: true });
  });

  it('ignores-open-all: the board ignores the board command (the driver gets no answer) until cleared; the help says so', async () => {
    lockers = await startDefaultSimulatedLockers(dataDir);
    await lockers.bus.start();
    await waitUntil(() => lockers?.bus.state === 'online', 'simulated wall online', 5000);
    expect(await run('locker', 'ignores-open-all')).toEqual({ code: 0, out: ['The simulated board now ignores the "open all" command'] });
    expect(await lockers.bus.openBoard(1)).toMatchObject({ ok: false });
    expect(lockers.simulator.door(1, 1).closed).toBe(true);
    // One lock at a time still works, as the station then falls back to.
    expect(await lockers.bus.open(1, 1)).toMatchObject({ ok: true });
    expect(await run('locker', 'clear')).toEqual({ code: 0, out: ['Cleared every simulated fault'] });
    expect(await lockers.bus.openBoard(1)).toMatchObject({ ok: true });
    expect(lockers.simulator.door(1, 2).closed).toBe(false);
    const help = await run('locker');
    expect(help.code).toBe(2);
    expect(help.out.join('\n')).toContain('npm run sim -- locker ignores-open-all');
  }, 30_000);

  it('comes back by itself when its socat dies: new pair, bus online again, doors as they were', async () => {
    const recovered: string[] = [];
    lockers = await startDefaultSimulatedLockers(dataDir, { onRecovered: (line) => recovered.push(line) });
    await lockers.bus.start();
    await waitUntil(() => lockers?.bus.state === 'online', 'simulated wall online', 5000);
    expect(await run('locker', 'open', '5')).toEqual({ code: 0, out: ['Locker 5: door open, empty'] });

    const socat = readFileSync(join(dataDir, 'sim', 'lockers-host.pid'), 'utf8').trim();
    process.kill(Number(socat), 'SIGKILL');
    await waitUntil(() => lockers?.bus.state === 'offline', 'bus offline once its link died', 5000);
    // While the station cannot hear the board, sim says so and does nothing.
    const unheard = await run('locker', 'close', '5');
    expect(unheard.code).toBe(1);
    expect(unheard.out[0]).toMatch(/^The simulated locker bus is offline \(.*\): nothing was done\.$/);

    await waitUntil(() => lockers?.bus.state === 'online', 'bus online on the new pair', 10_000);
    expect(recovered).toEqual(['Simulated locker wall: socat had died; a new pty pair is up and the driver reopens it']);
    expect(readFileSync(join(dataDir, 'sim', 'lockers-host.pid'), 'utf8').trim()).not.toBe(socat);
    expect(await run('locker', 'status', '5')).toEqual({ code: 0, out: ['Locker 5: door open, empty'] });
    expect(await run('locker', 'close', '5')).toEqual({ code: 0, out: ['Locker 5: door shut, empty'] });
    expect(await lockers.bus.open(1, 5)).toMatchObject({ ok: true });
  });

  it('refuses a lock command while the bus is down (not started), exiting 1 with the reason', async () => {
    lockers = await startDefaultSimulatedLockers(dataDir);
    const result = await run('locker', 'close', '1');
    expect(result).toEqual({ code: 1, out: ['The simulated locker bus is offline (Not started.): nothing was done.'] });
    expect(lockers.simulator.door(1, 1).closed).toBe(true);
    expect(await run('locker', 'clear')).toEqual({ code: 0, out: ['Cleared every simulated fault'] });
  });

  it('says when no station runs, and refuses lockers the wall does not have', async () => {
    const none = await run('locker', 'close', '3');
    expect(none.code).toBe(1);
    expect(none.out[0]).toMatch(/^no station simulator is listening at .*control\.sock\. Is a station with simulated lockers running/);
    expect((await run('locker', 'close', '13')).code).toBe(2);
    expect((await run('locker', 'explode', '1')).code).toBe(2);
  });
});
