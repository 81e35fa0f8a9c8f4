/**
 * `npm run station -- <command>`: operations on a station's data directory.
 *
 *   doctor   [--data-dir D] [--config devices.json]   every check, OK / WARN / FAIL with the fix
 *   export   [--data-dir D] [--out FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]   daily counts as CSV
 *   backup   [--data-dir D] [--list]                   a verified backup now (the station may run)
 *   restore  NAME|PATH [--data-dir D]                  put a backup in place (stop the station first)
 *
 * The data directory is --data-dir, else STATION_DATA_DIR, else the OS app-data folder.
 */
import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../electron/service/data-dir';
import { backupDatabase, listBackups } from '../electron/service/ops/backup';
import { dailyCounts, dailyCountsCsv } from '../electron/service/ops/daily-counts';
import { formatDoctorLine, runDoctor } from '../electron/service/ops/doctor';
import { restoreBackup } from '../electron/service/ops/restore';
import { loadStationConfig } from '../electron/service/station-config';
import { DataDirInUseError } from '../electron/service/storage/data-dir-lock';
import { stationDatabasePath } from '../electron/service/storage/database';

const USAGE = [
  'Usage: npm run station -- doctor  [--data-dir DIR] [--config devices.json]',
  '       npm run station -- export  [--data-dir DIR] [--out FILE.csv] [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  '       npm run station -- backup  [--data-dir DIR] [--list]',
  '       npm run station -- restore NAME|PATH [--data-dir DIR]   (stop the station first)',
].join('\n');

export interface StationCliOutput {
  log(line: string): void;
  error(line: string): void;
}

/** Runs one command; resolves with the exit code (0 done, 1 a FAIL or an error, 2 bad arguments). */
export async function main(args: readonly string[], out: StationCliOutput = console, nowMs = Date.now()): Promise<number> {
  const [command, ...rest] = args;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : process.env.STATION_DATA_DIR ? resolve(process.env.STATION_DATA_DIR) : resolveDataDir();
  try {
    switch (command) {
      case 'doctor': {
        const lines = runDoctor(dataDir, nowMs, values.config ? resolve(values.config) : undefined);
        for (const line of lines) out.log(formatDoctorLine(line));
        return lines.some((l) => l.level === 'FAIL') ? 1 : 0;
      }
      case 'export':
        return exportCsv(dataDir, values, out);
      case 'backup':
        return await backup(dataDir, values.list === true, nowMs, out);
      case 'restore': {
        const name = positionals[0];
        if (!name) {
          out.error(`restore needs the backup's name or path (npm run station -- backup --list).\n${USAGE}`);
          return 2;
        }
        const outcome = restoreBackup(dataDir, name, nowMs);
        out.log(`Restored ${outcome.restoredFrom} into ${stationDatabasePath(dataDir)}.`);
        if (outcome.previousSavedIn) out.log(`The database it replaced is in ${outcome.previousSavedIn}.`);
        return 0;
      }
      default:
        out.error(USAGE);
        return 2;
    }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    out.error(error instanceof DataDirInUseError ? `${text} (restore replaces station.db: stop the station, then run it again)` : text);
    return 1;
  }
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      list: { type: 'boolean' },
    },
  });
}

function openExisting(dataDir: string): Database.Database {
  const path = stationDatabasePath(dataDir);
  if (!existsSync(path)) throw new Error(`${path} does not exist: is ${dataDir} the station's data directory? (--data-dir)`);
  return new Database(path, { readonly: true, fileMustExist: true });
}

function exportCsv(dataDir: string, values: { out?: string; from?: string; to?: string }, out: StationCliOutput): number {
  for (const [name, day] of [['--from', values.from], ['--to', values.to]] as const) {
    if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      out.error(`${name} must be a day as YYYY-MM-DD, not "${day.slice(0, 40)}".\n${USAGE}`);
      return 2;
    }
  }
  const db = openExisting(dataDir);
  try {
    const csv = dailyCountsCsv(dailyCounts(db, values.from, values.to));
    if (values.out) {
      writeFileSync(values.out, csv, { mode: 0o600 });
      out.log(`Wrote ${csv.split('\r\n').length - 2} rows of daily counts to ${values.out}.`);
    } else {
      process.stdout.write(csv);
    }
    return 0;
  } finally {
    db.close();
  }
}

async function backup(dataDir: string, list: boolean, nowMs: number, out: StationCliOutput): Promise<number> {
  if (list) {
    const backups = listBackups(dataDir);
    if (backups.length === 0) out.log('No backups yet.');
    for (const b of backups) out.log(`${b.name}  ${new Date(b.takenAtMs).toISOString()}  ${b.bytes} bytes`);
    return 0;
  }
  // A read-only connection is enough for the backup API, and is safe beside a running station.
  const db = openExisting(dataDir);
  try {
    const { backupsKept } = loadStationConfig(dataDir).config;
    const outcome = await backupDatabase(db, dataDir, nowMs, backupsKept);
    out.log(`Backup ${outcome.backup.path} verified (${outcome.backup.bytes} bytes); ${outcome.deleted.length} older deleted, keeping ${backupsKept}.`);
    return 0;
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
