/**
 * What `npm start` runs carries the service's V8 heap settings: the real supervisor bundle
 * starts the real service bundle, and the service process's own command line (from /proc)
 * holds SERVICE_V8_FLAGS; the supervisor's does not (it keeps V8's defaults).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVICE_V8_FLAGS } from '../../electron/supervisor/service-process';
import { startStation, type StationProcess } from '../support/station-process';

const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);

const stations: StationProcess[] = [];
afterEach(async () => {
  for (const station of stations.splice(0)) await station.stop();
});

describe('the shipped service process', () => {
  it('runs out/station/start.cjs with the service V8 settings, under a supervisor without them', async () => {
    const station = await startStation();
    stations.push(station);
    const pid = station.servicePid();
    expect(pid).not.toBeNull();
    const service = cmdline(pid!);
    expect(service.slice(1, 1 + SERVICE_V8_FLAGS.length)).toEqual([...SERVICE_V8_FLAGS]);
    expect(service[1 + SERVICE_V8_FLAGS.length]).toMatch(/\/out\/station\/start\.cjs$/);
    const supervisor = cmdline(station.child.pid!);
    expect(supervisor.some((arg) => SERVICE_V8_FLAGS.includes(arg))).toBe(false);
    expect(supervisor[1]).toMatch(/\/out\/station\/supervise\.cjs$/);
  }, 60_000);
});
