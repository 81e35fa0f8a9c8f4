/**
 * `createWiredStation` with the built-in simulators, as `npm start` runs it: the data
 * directory (lock, settings, key, database) is opened while the simulators' socat processes
 * start, and a start that fails there stops every simulator it had started.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createWiredStation } from '../../electron/hosts/station-wiring';
import { lockDataDir, DataDirInUseError } from '../../electron/service/storage/data-dir-lock';
import { useTempDirs } from '../../electron/service/testing/temp-dirs';

const temp = useTempDirs('station-wiring-');

it('starts with every simulator and an opened database, and closes both', async () => {
  const dataDir = temp.make();
  const wired = await createWiredStation({ dataDir });
  try {
    expect(wired.devices.map((line) => line.split(':')[0])).toEqual(['Card reader', 'Lockers', 'Slip printer']);
    const info = await wired.service.api.getStationInfo();
    expect(info.ok && info.value.stationId).toBe('chaoyang-demo-001');
    expect(existsSync(join(dataDir, 'station.db'))).toBe(true);
    expect(readdirSync(join(dataDir, 'sim')).filter((f) => f.endsWith('.pid')).sort()).toEqual(['lockers-host.pid', 'printer-host.pid', 'reader-host.pid']);
  } finally {
    await wired.service.close();
  }
  // Every socat stopped: each removes its pid file and links when it exits.
  expect(readdirSync(join(dataDir, 'sim')).filter((f) => f.endsWith('.pid') || f.endsWith('-host'))).toEqual([]);
});

it('a data directory held by another station fails the start and leaves no simulator running', async () => {
  const dataDir = temp.make();
  const held = lockDataDir(dataDir);
  try {
    await expect(createWiredStation({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    expect(readdirSync(join(dataDir, 'sim')).filter((f) => f.endsWith('.pid') || f.endsWith('-host'))).toEqual([]);
    expect(existsSync(join(dataDir, 'station.db'))).toBe(false);
  } finally {
    held.release();
  }
});
