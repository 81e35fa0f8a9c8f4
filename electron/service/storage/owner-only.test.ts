import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dirs';
import { createStationService } from '../station-service';
import { openStationDatabase, stationDatabasePath } from './database';
import { NotOwnerOnlyError, tightenMode } from './owner-only';

const temp = useTempDirs('station-modes-');
const posix = process.platform !== 'win32';
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.runIf(posix)('database files are owner-only', () => {
  it('creates station.db, -wal and -shm as 0600 even under a permissive umask', () => {
    const dataDir = join(temp.make(), 'fresh');
    const old = process.umask(0o022);
    try {
      const db = openStationDatabase({ dataDir });
      try {
        db.prepare('INSERT INTO events (kind, detail, at_ms) VALUES (?, ?, ?)').run('join-interest', '{}', 1);
        const path = stationDatabasePath(dataDir);
        expect([modeOf(path), modeOf(`${path}-wal`), modeOf(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
        expect(modeOf(dataDir)).toBe(0o700);
      } finally {
        db.close();
      }
    } finally {
      process.umask(old);
    }
  });

  it('tightens an existing open data dir and database files, and says so', () => {
    const dataDir = temp.make();
    openStationDatabase({ dataDir }).close();
    const path = stationDatabasePath(dataDir);
    writeFileSync(`${path}-wal`, '');
    chmodSync(dataDir, 0o755);
    chmodSync(path, 0o644);
    chmodSync(`${path}-wal`, 0o666);
    const lines: string[] = [];
    openStationDatabase({ dataDir, onWarning: (line) => lines.push(line) }).close();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path)).toBe(0o600);
    expect(lines).toEqual([
      `${dataDir} was open to other users (mode 755); it is now 700.`,
      `${path} was open to other users (mode 644); it is now 600.`,
      `${path}-wal was open to other users (mode 666); it is now 600.`,
    ]);
  });

  it('a station started on an open data dir leaves it owner-only and reports it', async () => {
    const dataDir = temp.make();
    chmodSync(dataDir, 0o775);
    const warnings: string[] = [];
    const service = await createStationService({ dataDir, onWarning: (w) => warnings.push(w) });
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(stationDatabasePath(dataDir))).toBe(0o600);
      expect(modeOf(join(dataDir, 'station.lock'))).toBe(0o600);
      expect(warnings).toContain(`${dataDir} was open to other users (mode 775); it is now 700.`);
    } finally {
      await service.close();
    }
  });

  it('leaves an already owner-only file alone', () => {
    const dir = temp.make();
    const file = join(dir, 'f');
    mkdirSync(join(dir, 'd'), { mode: 0o700 });
    writeFileSync(file, '', { mode: 0o600 });
    chmodSync(file, 0o400);
    expect(tightenMode(file, 0o600)).toBeNull();
    expect(modeOf(file)).toBe(0o400);
  });
});

describe.runIf(process.platform === 'linux')('database files are owner-only: refusal', () => {
  it('refuses with a clear message when the mode of a file cannot be changed', () => {
    // procfs refuses chmod even to root, so this holds for whatever account runs the tests.
    const path = '/proc/self/status';
    expect(() => tightenMode(path, 0o600)).toThrow(NotOwnerOnlyError);
    expect(() => tightenMode(path, 0o600)).toThrow(
      /^\/proc\/self\/status is readable by other users \(mode 444\) and this account cannot make it owner-only \(EPERM.*Run the station as the account that owns its data directory/,
    );
  });
});
