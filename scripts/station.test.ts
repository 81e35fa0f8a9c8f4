/**
 * `npm run station -- doctor | export | backup | restore` on real data directories made by
 * a real station service: a healthy one, and one broken in every way the doctor checks.
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { chmodSync, closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createStationService } from '../electron/service/station-service';
import { LATEST_SCHEMA_VERSION } from '../electron/service/storage/migrations/index';
import { stationDatabasePath } from '../electron/service/storage/database';
import { useTempDirs } from '../electron/service/testing/temp-dirs';
import { main } from './station';

const temp = useTempDirs('station-cli-');
const REPO = resolve(import.meta.dirname, '..');
const NOW = Date.UTC(2026, 11, 1, 10, 0);

async function makeStation(guests = 3): Promise<string> {
  const dataDir = temp.make();
  const service = await createStationService({ dataDir, onWarning: () => {}, onNotice: () => {} });
  for (let i = 0; i < guests; i++) await service.api.guestCheckIn();
  await service.close();
  return dataDir;
}

async function run(args: string[], nowMs = NOW) {
  const log: string[] = [];
  const error: string[] = [];
  const code = await main(args, { log: (l) => log.push(l), error: (l) => error.push(l) }, nowMs);
  return { code, log, error };
}

describe('npm run station -- doctor', () => {
  it('a healthy station: every line OK (after a backup), exit 0', async () => {
    const dataDir = await makeStation();
    expect((await run(['backup', '--data-dir', dataDir])).code).toBe(0);
    const { code, log, error } = await run(['doctor', '--data-dir', dataDir], Date.now());
    expect(error).toEqual([]);
    expect(log.map((l) => l.split(':')[0])).toEqual([
      'OK   data directory', 'OK   station process', 'OK   settings', 'OK   station key', 'OK   database', 'OK   clock', 'OK   upstream sync', 'OK   disk', 'OK   backup', 'OK   devices',
    ]);
    expect(log).toContain(`OK   station key: ${join(dataDir, 'station.key')} (mode 600)`);
    expect(log.find((l) => l.startsWith('OK   database'))).toMatch(new RegExp(`^OK {3}database: integrity ok, \\d+\\.\\d MB, schema ${LATEST_SCHEMA_VERSION}$`));
    expect(log).toContain('OK   devices: no devices.json: the built-in simulators');
    expect(code).toBe(0);
  });

  it('a broken station: each problem is a WARN or FAIL line with its fix, exit 1', async () => {
    const dataDir = await makeStation();
    chmodSync(join(dataDir, 'station.key'), 0o644);
    writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ retentionDays: 2 }));
    writeFileSync(join(dataDir, 'devices.json'), JSON.stringify({ readers: [], lockerBuses: [{ id: 'wall', name: 'Wall', protocol: '8a80', path: '/dev/serial/by-id/usb-missing-port0', boards: [{ address: 1 }] }] }));
    // Garbage over the second page: a disk that lost a write.
    const db = stationDatabasePath(dataDir);
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096);
    closeSync(fd);

    const { code, log } = await run(['doctor', '--data-dir', dataDir]);

    expect(code).toBe(1);
    expect(log).toContain(`WARN settings: ${join(dataDir, 'station.json')}: field "retentionDays" is invalid (retentionDays: Too small: expected number to be >=31); using 400. — fix: edit ${join(dataDir, 'station.json')}; the station uses the default for each field named`);
    expect(log).toContain(`FAIL station key: ${join(dataDir, 'station.key')} is readable by other users (mode 644) — fix: chmod 600 ${join(dataDir, 'station.key')}`);
    expect(log.find((l) => l.startsWith('FAIL database'))).toMatch(/ — fix: stop the station and restore station\.db from a copy \(no backups in backups\/\)$/);
    expect(log).toContain('WARN backup: no backups yet — fix: npm run station -- backup (the station also makes one daily)');
    expect(log).toContain('FAIL devices: locker bus "Wall": no port at /dev/serial/by-id/usb-missing-port0 — fix: plug the adapter in; use its stable name under /dev/serial/by-id/ (ls -l /dev/serial/by-id)');
  });

  it('a wall clock before the last known-good time fails with how to set it', async () => {
    const dataDir = await makeStation();
    const { log, code } = await run(['doctor', '--data-dir', dataDir], Date.UTC(2000, 0, 1));
    expect(code).toBe(1);
    expect(log.find((l) => l.startsWith('FAIL clock'))).toMatch(/^FAIL clock: the wall clock \(2000-01-01T00:00:00\.000Z\) is before the last known-good time .* — fix: set the time \(timedatectl set-ntp true, or date -s\)/);
  });

  it('a missing data dir is one FAIL line', async () => {
    const missing = join(temp.make(), 'nowhere');
    expect(await run(['doctor', '--data-dir', missing])).toEqual({
      code: 1,
      log: [`FAIL data directory: ${missing} does not exist — fix: start the station once (npm start), or pass --data-dir with the right folder`],
      error: [],
    });
  });

  it('runs as npm run station would: tsx scripts/station.ts doctor', async () => {
    const dataDir = await makeStation(0);
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/station.ts', 'doctor', '--data-dir', dataDir], { cwd: REPO, timeout: 30_000 }).catch((e: { code: number; stdout: string }) => e);
    expect('code' in result ? result.code : 0).toBe(0);
    expect(result.stdout).toMatch(/^OK {3}data directory: /);
    expect(result.stdout).toContain('WARN backup: no backups yet');
  }, 40_000);
});

describe('npm run station -- export | backup | restore', () => {
  it('export: daily counts from roll-ups and raw visits as CSV, no card data', async () => {
    const dataDir = await makeStation(0);
    const db = new Database(stationDatabasePath(dataDir));
    db.prepare("INSERT INTO visit_days VALUES ('2024-01-10', 'member', 'courier', 5, 3), ('2024-01-10', 'guest', '', 2, 0)").run();
    const at = new Date(2026, 10, 3, 9).getTime();
    db.prepare("INSERT INTO visits (kind, arrived_ms, last_tap_ms, source, device_id) VALUES ('guest', ?, ?, 'guest', 'screen')").run(at, at);
    db.close();
    const outFile = join(temp.make(), 'counts.csv');
    const { code, log } = await run(['export', '--data-dir', dataDir, '--out', outFile, '--from', '2024-01-01']);
    expect(code).toBe(0);
    expect(log).toEqual([`Wrote 3 rows of daily counts to ${outFile}.`]);
    expect(readFileSync(outFile, 'utf8')).toBe('day,kind,category,visits,unique_workers\r\n2024-01-10,guest,,2,0\r\n2024-01-10,member,courier,5,3\r\n2026-11-03,guest,,1,0\r\n');
    expect(await run(['export', '--data-dir', dataDir, '--from', 'yesterday'])).toMatchObject({ code: 2, error: [expect.stringMatching(/^--from must be a day as YYYY-MM-DD, not "yesterday"/)] });
  });

  it('backup beside a running station; restore refuses while it runs, then puts the backup back once stopped', async () => {
    const dataDir = temp.make();
    const service = await createStationService({ dataDir, onWarning: () => {}, onNotice: () => {} });
    const name = 'station-20261201T100000000Z.db';
    try {
      await service.api.guestCheckIn();
      const made = await run(['backup', '--data-dir', dataDir], NOW);
      expect(made.code).toBe(0);
      expect(made.log[0]).toMatch(/^Backup .*station-20261201T100000000Z\.db verified \(\d+ bytes\); 0 older deleted, keeping 7\.$/);
      expect((await run(['backup', '--data-dir', dataDir, '--list'])).log).toEqual([expect.stringMatching(/^station-20261201T100000000Z\.db {2}2026-12-01T10:00:00\.000Z {2}\d+ bytes$/)]);
      await service.api.guestCheckIn();
      const refused = await run(['restore', name, '--data-dir', dataDir]);
      expect(refused.code).toBe(1);
      expect(refused.error[0]).toMatch(/^Another station process is already running on .* \(restore replaces station\.db: stop the station, then run it again\)$/);
    } finally {
      await service.close();
    }
    const restored = await run(['restore', name, '--data-dir', dataDir]);
    expect(restored).toMatchObject({ code: 0, log: [expect.stringMatching(/^Restored .* into .*station\.db\.$/), expect.stringMatching(/^The database it replaced is in .*before-restore-/)] });
    const db = new Database(stationDatabasePath(dataDir), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 1 });
    db.close();
    expect(await run(['restore', '--data-dir', dataDir])).toMatchObject({ code: 2 });
  });
});
