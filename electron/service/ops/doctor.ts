/**
 * `npm run station -- doctor`: every check a visiting technician needs, one line each,
 * OK / WARN / FAIL with the fix. Reads only: it never creates, migrates or repairs anything
 * (the station fixes permissions itself at start; the doctor says what it would find).
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { loadDevicesConfig } from '../../../hardware/devices/device-config';
import { DEVICES_FILE_NAME } from '../../hosts/station-wiring';
import { loadStationConfig, STATION_CONFIG_FILE_NAME } from '../station-config';
import { STATION_KEY_BYTES, STATION_KEY_FILE_NAME } from '../station-key';
import { DataDirInUseError, lockDataDir } from '../storage/data-dir-lock';
import { stationDatabasePath } from '../storage/database';
import { LATEST_SCHEMA_VERSION } from '../storage/migrations';
import { checkBackup, listBackups } from './backup';
import { diskSpace, LOW_SPACE_BYTES } from './storage-monitor';

export type DoctorLevel = 'OK' | 'WARN' | 'FAIL';

export interface DoctorLine {
  readonly level: DoctorLevel;
  /** What was checked, e.g. `database`. */
  readonly check: string;
  readonly detail: string;
  /** What to do; empty for OK. */
  readonly fix: string;
}

/** Disk free under this fails: the next day's visits and backup may not fit. */
export const DISK_FAIL_BYTES = 16 * 1024 * 1024;
const DAY_MS = 86_400_000;

export function formatDoctorLine(line: DoctorLine): string {
  return `${line.level.padEnd(4)} ${line.check}: ${line.detail}${line.fix ? ` — fix: ${line.fix}` : ''}`;
}

const ok = (check: string, detail: string): DoctorLine => ({ level: 'OK', check, detail, fix: '' });
const warn = (check: string, detail: string, fix: string): DoctorLine => ({ level: 'WARN', check, detail, fix });
const fail = (check: string, detail: string, fix: string): DoctorLine => ({ level: 'FAIL', check, detail, fix });

/** Runs every check on `dataDir` at `nowMs`; `devicesPath` overrides `<dataDir>/devices.json`. */
export function runDoctor(dataDir: string, nowMs: number, devicesPath?: string): DoctorLine[] {
  if (!existsSync(dataDir)) {
    return [fail('data directory', `${dataDir} does not exist`, 'start the station once (npm start), or pass --data-dir with the right folder')];
  }
  const lines: DoctorLine[] = [dataDirLine(dataDir), runningLine(dataDir), ...configLines(dataDir), keyLine(dataDir)];
  const db = openReadOnly(dataDir);
  if (db.kind === 'line') lines.push(db.line);
  else {
    try {
      lines.push(...databaseLines(db.db), clockLine(db.db, nowMs), ...syncLines(db.db, nowMs));
    } finally {
      db.db.close();
    }
  }
  lines.push(diskLine(dataDir), backupLine(dataDir, nowMs), ...deviceLines(dataDir, devicesPath));
  return lines;
}

function ownerOnly(path: string): { mode: number; tight: boolean } {
  const mode = statSync(path).mode & 0o777;
  return { mode, tight: process.platform === 'win32' || (mode & 0o077) === 0 };
}

function dataDirLine(dataDir: string): DoctorLine {
  const { mode, tight } = ownerOnly(dataDir);
  return tight
    ? ok('data directory', `${dataDir} (mode ${mode.toString(8)})`)
    : warn('data directory', `${dataDir} is open to other users (mode ${mode.toString(8)})`, `chmod 700 ${dataDir} (the station also does this at start)`);
}

function runningLine(dataDir: string): DoctorLine {
  if (!existsSync(join(dataDir, 'station.lock'))) return ok('station process', 'not running');
  try {
    lockDataDir(dataDir).release();
    return ok('station process', 'not running');
  } catch (error) {
    if (error instanceof DataDirInUseError) return ok('station process', 'running (it holds station.lock); restore needs it stopped');
    return warn('station process', `station.lock cannot be checked: ${message(error)}`, `check the owner and mode of ${join(dataDir, 'station.lock')}`);
  }
}

function configLines(dataDir: string): DoctorLine[] {
  const path = join(dataDir, STATION_CONFIG_FILE_NAME);
  const loaded = loadStationConfig(dataDir);
  if (loaded.warnings.length > 0) return loaded.warnings.map((w) => warn('settings', w, `edit ${path}; the station uses the default for each field named`));
  return [ok('settings', existsSync(path) ? `${path}: every field valid (station ${loaded.config.stationId})` : `no ${STATION_CONFIG_FILE_NAME}: shipped defaults`)];
}

function keyLine(dataDir: string): DoctorLine {
  const path = join(dataDir, STATION_KEY_FILE_NAME);
  if (!existsSync(path)) return warn('station key', `${path} does not exist yet`, 'start the station once; it creates the key (back it up with the database)');
  const size = statSync(path).size;
  if (size !== STATION_KEY_BYTES) {
    return fail('station key', `${path} holds ${size} bytes, not ${STATION_KEY_BYTES}`, 'restore station.key from a copy; a new key makes every card count as new');
  }
  const { mode, tight } = ownerOnly(path);
  return tight ? ok('station key', `${path} (mode ${mode.toString(8)})`) : fail('station key', `${path} is readable by other users (mode ${mode.toString(8)})`, `chmod 600 ${path}`);
}

function openReadOnly(dataDir: string): { kind: 'db'; db: Database.Database } | { kind: 'line'; line: DoctorLine } {
  const path = stationDatabasePath(dataDir);
  if (!existsSync(path)) return { kind: 'line', line: warn('database', `${path} does not exist yet`, 'start the station once (npm start)') };
  try {
    return { kind: 'db', db: new Database(path, { readonly: true, fileMustExist: true }) };
  } catch (error) {
    return { kind: 'line', line: fail('database', `${path} cannot be opened: ${message(error)}`, restoreFix(dataDir)) };
  }
}

function restoreFix(dataDir: string): string {
  const newest = listBackups(dataDir).at(-1);
  return newest
    ? `stop the station, then npm run station -- restore ${newest.name}`
    : 'stop the station and restore station.db from a copy (no backups in backups/)';
}

function databaseLines(db: Database.Database): DoctorLine[] {
  const dataDir = join(db.name, '..');
  let rows: { integrity_check: string }[];
  try {
    rows = db.pragma('integrity_check') as { integrity_check: string }[];
  } catch (error) {
    return [fail('database', `integrity_check could not run: ${message(error)}`, restoreFix(dataDir))];
  }
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  if (problems.length > 0) return [fail('database', `integrity_check: ${problems.slice(0, 3).join('; ')}`, restoreFix(dataDir))];
  const version = db.pragma('user_version', { simple: true }) as number;
  const sizeMb = (statSync(db.name).size / 1048576).toFixed(1);
  if (version > LATEST_SCHEMA_VERSION) {
    return [fail('database', `schema version ${version} is newer than this release knows (${LATEST_SCHEMA_VERSION})`, 'install the release that wrote it, or a later one')];
  }
  if (version < LATEST_SCHEMA_VERSION) {
    return [ok('database', `integrity ok, ${sizeMb} MB, schema ${version} (brought to ${LATEST_SCHEMA_VERSION} at the next start)`)];
  }
  return [ok('database', `integrity ok, ${sizeMb} MB, schema ${version}`)];
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function clockLine(db: Database.Database, nowMs: number): DoctorLine {
  if (!hasTable(db, 'clock_guard')) return ok('clock', `${new Date(nowMs).toISOString()} (no known-good time recorded yet)`);
  const lastGood = (db.prepare('SELECT last_good_ms FROM clock_guard WHERE id = 1').get() as { last_good_ms: number } | undefined)?.last_good_ms;
  const suspect = (db.prepare('SELECT count(*) AS n FROM clock_suspect_visits').get() as { n: number }).n;
  if (lastGood !== undefined && nowMs < lastGood - 120_000) {
    return fail(
      'clock',
      `the wall clock (${new Date(nowMs).toISOString()}) is before the last known-good time ${new Date(lastGood).toISOString()}`,
      'set the time (timedatectl set-ntp true, or date -s), then restart the station; visits meanwhile are flagged',
    );
  }
  if (suspect > 0) return warn('clock', `ok now; ${suspect} visits were stamped while the clock was wrong (flagged in clock_suspect_visits)`, 'check the RTC battery and NTP (timedatectl)');
  return ok('clock', `${new Date(nowMs).toISOString()}, not before the last known-good time`);
}

function syncLines(db: Database.Database, nowMs: number): DoctorLine[] {
  if (!hasTable(db, 'upstream_outbox')) return [];
  const row = db
    .prepare(
      "SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'rejected') AS rejected, min(produced_ms) FILTER (WHERE state = 'pending') AS oldest FROM upstream_outbox",
    )
    .get() as { pending: number; rejected: number; oldest: number | null };
  const lines: DoctorLine[] = [];
  if (row.oldest !== null && nowMs - row.oldest > DAY_MS) {
    const days = ((nowMs - row.oldest) / DAY_MS).toFixed(1);
    lines.push(warn('upstream sync', `${row.pending} items waiting, the oldest ${days} days old`, 'check the network and the collector URL in station.json; nothing is lost while it waits'));
  } else {
    lines.push(ok('upstream sync', `${row.pending} items waiting`));
  }
  if (row.rejected > 0) lines.push(warn('upstream sync', `${row.rejected} items refused by the collector as invalid`, 'report them to the union (SELECT key, reject_reason FROM upstream_outbox WHERE state = \'rejected\')'));
  return lines;
}

function diskLine(dataDir: string): DoctorLine {
  const { freeBytes, totalBytes } = diskSpace(dataDir);
  const detail = `${(freeBytes / 1048576).toFixed(0)} MB free of ${(totalBytes / 1048576).toFixed(0)} MB`;
  const fix = 'free space on this disk (old files, logs) or move the data directory to a larger one';
  if (freeBytes < DISK_FAIL_BYTES) return fail('disk', detail, fix);
  if (freeBytes < Math.min(LOW_SPACE_BYTES, totalBytes / 10)) return warn('disk', detail, fix);
  return ok('disk', detail);
}

function backupLine(dataDir: string, nowMs: number): DoctorLine {
  const newest = listBackups(dataDir).at(-1);
  if (!newest) return warn('backup', 'no backups yet', 'npm run station -- backup (the station also makes one daily)');
  const check = checkBackup(newest.path);
  if (!check.ok) return fail('backup', `${newest.name} fails its check: ${check.problem}`, 'npm run station -- backup, then delete the bad file');
  const ageDays = (nowMs - newest.takenAtMs) / DAY_MS;
  if (ageDays > 2) return warn('backup', `newest ${newest.name} is ${ageDays.toFixed(1)} days old`, 'is the station running? npm run station -- backup makes one now');
  return ok('backup', `${newest.name} verified`);
}

function deviceLines(dataDir: string, devicesPath?: string): DoctorLine[] {
  const path = devicesPath ?? join(dataDir, DEVICES_FILE_NAME);
  if (!existsSync(path)) return [ok('devices', `no ${DEVICES_FILE_NAME}: the built-in simulators`)];
  const loaded = loadDevicesConfig(path);
  if (!loaded.ok) return [fail('devices', `${path}: ${loaded.message}`, `correct ${path} (see docs for the fields); the station will not start with it`)];
  const ports = [
    ...loaded.config.readers.map((r) => ({ what: `card reader "${r.name}"`, path: r.path })),
    ...loaded.config.lockerBuses.map((b) => ({ what: `locker bus "${b.name}"`, path: b.path as string | undefined })),
  ];
  if (ports.length === 0) return [warn('devices', `${path} lists no readers and no locker buses`, 'add them, or delete the file to run on the simulators')];
  return ports.map((p) => {
    if (p.path === undefined || !isAbsolute(p.path) || p.path.startsWith('\\\\')) return ok('devices', `${p.what}: ${p.path ?? 'by USB id'}`);
    return existsSync(p.path)
      ? ok('devices', `${p.what} on ${p.path}`)
      : fail('devices', `${p.what}: no port at ${p.path}`, 'plug the adapter in; use its stable name under /dev/serial/by-id/ (ls -l /dev/serial/by-id)');
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

