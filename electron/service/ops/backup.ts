/**
 * Online backups of station.db with SQLite's backup API (better-sqlite3 `db.backup()`),
 * taken while the service runs, each verified before it counts, the newest N kept; and the
 * restore of a chosen one while the service is stopped.
 *
 * A backup is a self-contained file (`journal_mode=DELETE`, no -wal beside it) in
 * `<dataDir>/backups/`, owner-only like the database (it holds the same keyed card hashes).
 */
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DATA_DIR_MODE, secureDatabaseFiles } from '../storage/owner-only';

export const BACKUP_DIR_NAME = 'backups';
/** Default number of daily backups kept. */
export const DEFAULT_BACKUPS_KEPT = 7;
const NAME_PATTERN = /^station-(\d{8}T\d{6}(?:\d{3})?Z)\.db$/;

export interface BackupFile {
  readonly name: string;
  readonly path: string;
  /** When it was taken (station clock), epoch ms, from its name. */
  readonly takenAtMs: number;
  readonly bytes: number;
}

/** What opening a backup and `PRAGMA integrity_check` found. */
export type BackupCheck = { readonly ok: true; readonly schemaVersion: number } | { readonly ok: false; readonly problem: string };

export function backupDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR_NAME);
}

/** The backup file name for a time: `station-20261201T121307123Z.db` (UTC, sorts by time). */
export function backupName(atMs: number): string {
  return `station-${new Date(atMs).toISOString().replace(/[-:.]/g, '')}.db`;
}

/** Verified-looking backups (by name), oldest first. Temporary `.partial` files are not listed. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => NAME_PATTERN.test(name))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { name, path, takenAtMs: takenAt(name), bytes: statSync(path).size };
    });
}

/** Opens `path` read-only and runs `PRAGMA integrity_check`; never throws. */
export function checkBackup(path: string): BackupCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (problems.length > 0) return { ok: false, problem: `integrity_check: ${problems.slice(0, 3).join('; ')}` };
    return { ok: true, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

export interface BackupOutcome {
  readonly backup: BackupFile;
  /** Older backups deleted to keep `keep`. */
  readonly deleted: readonly string[];
}

/**
 * Copies the live database into `backups/` (the service keeps answering: the backup API
 * copies in steps between other statements), makes it self-contained, checks it, and only
 * then gives it its final name and prunes the oldest beyond `keep`. A backup that fails its
 * check is deleted and the call rejects; the older backups are left alone then.
 */
export async function backupDatabase(db: Database.Database, dataDir: string, atMs: number, keep = DEFAULT_BACKUPS_KEPT): Promise<BackupOutcome> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: DATA_DIR_MODE });
  const name = backupName(atMs);
  const partial = join(dir, `${name}.partial`);
  const final = join(dir, name);
  try {
    secureDatabaseFiles(partial);
    await db.backup(partial);
    const copy = new Database(partial);
    try {
      // The copy is in WAL mode like its source; one file is what a restore (or a person) can carry.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = checkBackup(partial);
    if (!check.ok) throw new Error(`The backup failed its check and was deleted: ${check.problem}`);
    fsyncFile(partial);
    renameSync(partial, final);
    fsyncFile(dir);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const all = listBackups(dataDir);
  const deleted = all.slice(0, Math.max(0, all.length - keep)).map((old) => {
    rmSync(old.path, { force: true });
    return old.name;
  });
  const backup = all.find((b) => b.name === name);
  if (!backup) throw new Error(`${final} vanished right after it was written`);
  return { backup, deleted };
}

/** A name from {@link listBackups} or a path; the name must look like one of ours. */
export function resolveBackup(dataDir: string, nameOrPath: string): string {
  return NAME_PATTERN.test(nameOrPath) ? join(backupDir(dataDir), nameOrPath) : nameOrPath;
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function takenAt(name: string): number {
  const stamp = NAME_PATTERN.exec(basename(name))?.[1] ?? '';
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18) || '000'}Z`;
  return Date.parse(iso);
}
