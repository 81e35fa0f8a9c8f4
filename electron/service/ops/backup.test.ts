import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir, DataDirInUseError } from '../storage/data-dir-lock';
import { openStationDatabase, stationDatabasePath } from '../storage/database';
import { LATEST_SCHEMA_VERSION } from '../storage/migrations';
import { useTempDirs } from '../testing/temp-dirs';
import { backupDatabase, backupDir, backupName, checkBackup, listBackups } from './backup';
import { restoreBackup } from './restore';

const temp = useTempDirs('station-backup-');
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 3, 0);

function station(): { dataDir: string; db: Database.Database } {
  const dataDir = temp.make();
  const db = openStationDatabase({ dataDir });
  open.push(db);
  return { dataDir, db };
}

const addGuest = (db: Database.Database, ms: number) =>
  db.prepare("INSERT INTO visits (kind, arrived_ms, last_tap_ms, source, device_id) VALUES ('guest', ?, ?, 'guest', 'screen')").run(ms, ms);

describe('backupDatabase', () => {
  it('copies the live database (WAL contents included) into a verified, self-contained, owner-only file', async () => {
    const { dataDir, db } = station();
    for (let i = 0; i < 50; i++) addGuest(db, T0 + i);
    const { backup, deleted } = await backupDatabase(db, dataDir, T0, 7);
    expect(backup).toEqual({ name: 'station-20261201T030000000Z.db', path: join(backupDir(dataDir), backup.name), takenAtMs: T0, bytes: statSync(backup.path).size });
    expect(deleted).toEqual([]);
    expect(readdirSync(backupDir(dataDir))).toEqual([backup.name]);
    expect(statSync(backup.path).mode & 0o777).toBe(0o600);
    expect(checkBackup(backup.path)).toEqual({ ok: true, schemaVersion: LATEST_SCHEMA_VERSION });
    const copy = new Database(backup.path, { readonly: true });
    open.push(copy);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 50 });
    // The service's connection is untouched and keeps writing.
    addGuest(db, T0 + 99);
    expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 51 });
  });

  it('keeps the newest N: the oldest are deleted as new ones are made', async () => {
    const { dataDir, db } = station();
    const names: string[] = [];
    for (let day = 0; day < 5; day++) names.push((await backupDatabase(db, dataDir, T0 + day * DAY, 3)).backup.name);
    expect(listBackups(dataDir).map((b) => b.name)).toEqual(names.slice(2));
    expect(names[0]).toBe(backupName(T0));
  });

  it('a corrupt file fails the check with what integrity_check or SQLite said', () => {
    const dir = temp.make();
    const path = join(dir, 'bad.db');
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    const check = checkBackup(path);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(/not a database/);
    expect(checkBackup(join(dir, 'missing.db'))).toMatchObject({ ok: false });
  });
});

describe('restoreBackup', () => {
  it('refuses while the station holds the data dir, and changes nothing', async () => {
    const { dataDir, db } = station();
    const { backup } = await backupDatabase(db, dataDir, T0);
    const lock = lockDataDir(dataDir);
    try {
      expect(() => restoreBackup(dataDir, backup.name, T0 + DAY)).toThrow(DataDirInUseError);
    } finally {
      lock.release();
    }
    expect(existsSync(`${stationDatabasePath(dataDir)}.restoring`)).toBe(false);
  });

  it('puts the backup in place and keeps the replaced database aside; the station opens it at its rows', async () => {
    const { dataDir, db } = station();
    addGuest(db, T0);
    const { backup } = await backupDatabase(db, dataDir, T0);
    addGuest(db, T0 + 1);
    addGuest(db, T0 + 2);
    db.close();

    const outcome = restoreBackup(dataDir, backup.name, T0 + DAY);

    expect(outcome.restoredFrom).toBe(backup.path);
    expect(outcome.previousSavedIn).toBe(join(dataDir, 'before-restore-20261202T030000000Z'));
    expect(readdirSync(outcome.previousSavedIn ?? '').sort()).toContain('station.db');
    const reopened = openStationDatabase({ dataDir });
    open.push(reopened);
    expect(reopened.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 1 });
    const aside = new Database(join(outcome.previousSavedIn ?? '', 'station.db'));
    open.push(aside);
    expect(aside.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 3 });
  });

  it('a corrupt backup is refused before anything is touched', () => {
    const { dataDir, db } = station();
    addGuest(db, T0);
    db.close();
    const bad = join(temp.make(), 'station-20261201T030000000Z.db');
    writeFileSync(bad, Buffer.alloc(4096, 1));
    expect(() => restoreBackup(dataDir, bad, T0)).toThrow(/cannot be restored: .*Choose another backup/);
    const reopened = openStationDatabase({ dataDir });
    open.push(reopened);
    expect(reopened.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 1 });
  });
});
