/**
 * The default simulated reader as `npm start` runs it, tapped from another process with
 * `npm run sim` (scripts/sim.ts), through a real socat pty pair.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardRead, CardReadFault } from '../../hardware/drivers/card-reader/card-reader';
import { startDefaultSimulatedReader, type DefaultSimulatedReader } from '../../hardware/simulators/default-simulated-reader';
import { waitUntil } from '../../hardware/testing/wait-until';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

let dataDir: string;
let sim: DefaultSimulatedReader | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'station-data-'));
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

function simCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(TSX, ['scripts/sim.ts', ...args], { env: { ...process.env, STATION_DATA_DIR: dataDir }, timeout: 15_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
}

async function startSim(): Promise<{ reads: CardRead[]; faults: CardReadFault[] }> {
  sim = await startDefaultSimulatedReader(dataDir);
  const reads: CardRead[] = [];
  const faults: CardReadFault[] = [];
  sim.reader.on('read', (r) => reads.push(r));
  sim.reader.on('fault', (f) => faults.push(f));
  await sim.reader.start();
  await waitUntil(() => sim?.reader.state === 'online', 'simulated reader online');
  return { reads, faults };
}

describe('default simulated reader and npm run sim', () => {
  it('describes itself in sim/devices.json and reads in-process taps', async () => {
    const { reads } = await startSim();
    const config = JSON.parse(readFileSync(join(dataDir, 'sim', 'devices.json'), 'utf8'));
    expect(config).toEqual({
      readers: [{
        id: 'sim-reader', name: 'Simulated reader', type: 'serial-em4100',
        path: join(dataDir, 'sim', 'reader-host'), simulatorPath: join(dataDir, 'sim', 'reader-device'),
      }],
    });
    expect(sim?.reader.simulated).toBe(true);
    expect(sim?.reader.detail).toMatch(/npm run sim -- tap/);
    await sim?.simulator.tap('0040856634', 'em4100');
    await waitUntil(() => reads.length === 1, 'read');
    expect(reads[0]).toMatchObject({ deviceId: 'sim-reader', card: { kind: 'uid32', canonical: 'U026F6C3A' } });
  });

  // Three CLI processes, each loading TypeScript with tsx.
  it('takes taps and garbage from the CLI in another process, twice over', async () => {
    const { reads, faults } = await startSim();
    const first = await simCli('tap', '0040856634');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe('Tapped card U026F6C3A on "Simulated reader": EM4100 frame 02 30 30 30 32 36 46 36 43 33 41 33 42 03\n');
    await waitUntil(() => reads.length === 1, 'first CLI read');
    // The station holds the device side open, so a second writer still gets through.
    expect((await simCli('tap', '3A6C6F02')).code).toBe(0);
    await waitUntil(() => reads.length === 2, 'second CLI read');
    expect(reads.map((r) => r.card)).toEqual([
      { kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' },
      { kind: 'uid32', canonical: 'U3A6C6F02', low24: 'L6C6F02' },
    ]);
    const garbage = await simCli('garbage', '8');
    expect(garbage.code).toBe(0);
    expect(garbage.stdout).toMatch(/^Sent 8 random bytes to "Simulated reader": ([89A-F][0-9A-F] ){7}[89A-F][0-9A-F]\n$/);
    await waitUntil(() => faults.length === 1, 'garbage fault');
    expect(faults[0]).toMatchObject({ deviceId: 'sim-reader', reason: 'malformed' });
  }, 60_000);

  it('comes back online by itself when its socat dies, and taps reach it again', async () => {
    const { reads } = await startSim();
    const socat = Number(readFileSync(join(dataDir, 'sim', 'reader-host.pid'), 'utf8').trim());
    process.kill(socat, 'SIGKILL');
    await waitUntil(() => sim?.reader.state === 'offline', 'reader offline once its link died', 5000);
    await waitUntil(() => sim?.reader.state === 'online', 'reader online on the new pair', 10_000);
    expect(Number(readFileSync(join(dataDir, 'sim', 'reader-host.pid'), 'utf8').trim())).not.toBe(socat);
    await sim?.simulator.tap('0040856634', 'em4100');
    expect((await simCli('tap', '3A6C6F02')).code).toBe(0);
    await waitUntil(() => reads.length === 2, 'both reads after the recovery', 5000);
  });

  // Six CLI processes, each loading TypeScript with tsx: seconds apiece on a loaded machine.
  it('says clearly when no station is running, and rejects bad arguments', async () => {
    const none = await simCli('tap', '0040856634');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^No station with a simulated reader is running \(.*sim\/devices\.json does not exist\)\. Start one with "npm start"\.\n$/);

    await startSim();
    await sim?.close();
    expect(existsSync(join(dataDir, 'sim', 'devices.json'))).toBe(false);
    expect((await simCli('tap', '0040856634')).code).toBe(1);

    const bad = await simCli('tap', 'hello');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^"hello" is not a full card UID\.\nUsage: /);
    expect((await simCli('frobnicate')).code).toBe(2);
    expect((await simCli('garbage', '-3')).code).toBe(2);
  }, 90_000);

  it('falls back to an in-process pipe without socat, and says so', async () => {
    sim = await startDefaultSimulatedReader(dataDir, { socatPath: join(dataDir, 'no-socat') });
    const reads: CardRead[] = [];
    sim.reader.on('read', (r) => reads.push(r));
    await sim.reader.start();
    await waitUntil(() => sim?.reader.state === 'online', 'fallback reader online');
    expect(sim.reader.detail).toMatch(/^Simulated reader on an in-process pipe, so "npm run sim" cannot reach it \(socat not found/);
    expect(sim.link).toEqual({ kind: 'in-process', reason: 'socat not found: sudo apt-get install -y socat' });
    await sim.simulator.tap('0040856634', 'em4100');
    await waitUntil(() => reads.length === 1, 'fallback read');
    expect(reads[0]?.card).toMatchObject({ canonical: 'U026F6C3A' });
    const cli = await simCli('tap', '0040856634');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/simulates its reader in-process/);
  });
});
