/**
 * A real station started the way `npm start` starts it leaves every config, key and data file
 * readable by its own account only — including a station.json and a collector key someone
 * copied in with mode 0644.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStation, type StationProcess } from '../support/station-process';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('owner-only files', () => {
  let station: StationProcess | null = null;
  let dataDir = '';
  afterEach(async () => {
    await station?.stop();
    station = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tightens a loose station.json and collector key, and creates every other file 0600 in a 0700 directory', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'station-perm-'));
    chmodSync(dataDir, 0o755);
    const settings = { upstream: { collectorUrl: 'http://127.0.0.1:9/', keyFile: 'collector.key' } };
    writeFileSync(join(dataDir, 'station.json'), JSON.stringify(settings), { mode: 0o644 });
    writeFileSync(join(dataDir, 'collector.key'), `${Buffer.alloc(32, 7).toString('base64url')}\n`, { mode: 0o644 });
    chmodSync(join(dataDir, 'station.json'), 0o644);
    chmodSync(join(dataDir, 'collector.key'), 0o644);

    station = await startStation({ dataDir });
    expect(station.output()).toContain(`${join(dataDir, 'station.json')} was open to other users (mode 644); it is now 600.`);

    expect(mode(dataDir)).toBe(0o700);
    const files = readdirSync(dataDir).filter((name) => statSync(join(dataDir, name)).isFile());
    for (const name of ['station.json', 'collector.key', 'station.key', 'station.db', 'station.lock', 'screen-token.json', 'browser-host-port.json']) {
      expect(files).toContain(name);
    }
    expect(Object.fromEntries(files.map((name) => [name, mode(join(dataDir, name)).toString(8)]))).toEqual(
      Object.fromEntries(files.map((name) => [name, '600'])),
    );
  }, 60_000);
});
