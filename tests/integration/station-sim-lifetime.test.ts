/**
 * The built-in simulators live and die with the station: a station killed with SIGKILL takes
 * its socat processes with it, and the next start on the same data dir comes up on fresh
 * pty pairs. Real station processes, real socat.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../hardware/testing/wait-until';
import { main as sim } from '../../scripts/sim';
import { startStation, type StationProcess } from '../support/station-process';

const stations: StationProcess[] = [];
afterEach(async () => {
  // The last one removes the shared data dir.
  for (const station of stations.splice(0).reverse()) await station.stop();
});

/** Alive and not a zombie (a container's init may be slow to reap). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function socatPids(dataDir: string): number[] {
  return ['reader-host.pid', 'lockers-host.pid'].map((name) => Number(readFileSync(join(dataDir, 'sim', name), 'utf8').trim()));
}

async function run(dataDir: string, ...args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await sim(args, { ...process.env, STATION_DATA_DIR: dataDir }, { log: (l) => out.push(l), error: (l) => out.push(l) });
  return { code, out };
}

describe('simulators and the station', () => {
  it('SIGKILL takes the socat processes with the station; the next start runs on fresh pairs', async () => {
    const first = await startStation();
    stations.push(first);
    const old = socatPids(first.dataDir);
    expect(old.every(running)).toBe(true);

    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await waitUntil(() => !old.some(running), 'socat processes gone', 3000);
    const goneAfterMs = Date.now() - killedAt;
    expect(goneAfterMs).toBeLessThan(3000);
    console.log(`socat gone ${goneAfterMs} ms after SIGKILL of the station`);

    const second = await startStation({ dataDir: first.dataDir });
    stations.push(second);
    const fresh = socatPids(second.dataDir);
    expect(fresh.some((pid) => old.includes(pid))).toBe(false);
    expect(fresh.every(running)).toBe(true);
    expect(await run(second.dataDir, 'tap', '0040856634')).toMatchObject({ code: 0 });
    // The wall's bus comes up on the new pair; until then sim says it is not heard.
    let status = await run(second.dataDir, 'locker', 'status', '1');
    const deadline = Date.now() + 5000;
    while (status.code !== 0 && Date.now() < deadline) {
      expect(status.out[0]).toMatch(/locker bus is offline/);
      status = await run(second.dataDir, 'locker', 'status', '1');
    }
    expect(status).toEqual({ code: 0, out: ['Locker 1: door shut, empty'] });
  }, 60_000);
});
