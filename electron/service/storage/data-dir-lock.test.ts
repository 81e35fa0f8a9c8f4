import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStationService } from '../station-service';
import { useTempDirs } from '../testing/temp-dirs';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

const temp = useTempDirs('station-lock-');
const REPO = resolve(import.meta.dirname, '..', '..', '..');

/** Runs `lockDataDir` in a separate Node process; resolves with its exit code and output. */
function lockInChild(dataDir: string, holdMs: number): { done: Promise<{ code: number | null; signal: string | null; out: string }>; locked: Promise<void>; kill(): void } {
  const script = `
    import { lockDataDir } from './electron/service/storage/data-dir-lock.ts';
    try { lockDataDir(process.argv[1]); console.log('locked'); setTimeout(() => process.exit(0), ${holdMs}); }
    catch (e) { console.log(e.name + ': ' + e.message); process.exit(3); }`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dataDir], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let onLocked: () => void = () => undefined;
  const locked = new Promise<void>((r) => (onLocked = r));
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    if (out.includes('locked')) onLocked();
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => (out += s));
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((r) => child.once('exit', (code, signal) => r({ code, signal, out })));
  return { done, locked, kill: () => child.kill('SIGKILL') };
}

describe('data-dir lock', () => {
  it('a second station on the same data dir refuses to start, with a clear message; after close it starts', async () => {
    const dataDir = temp.make();
    const first = await createStationService({ dataDir, onWarning: () => undefined });
    await expect(createStationService({ dataDir, onWarning: () => undefined })).rejects.toThrow(DataDirInUseError);
    await expect(createStationService({ dataDir, onWarning: () => undefined })).rejects.toThrow(
      `Another station process is already running on ${dataDir} (it holds station.lock). Stop that one first, or give this one its own data directory (--data-dir or STATION_DATA_DIR).`,
    );
    // The refused start left the running station intact.
    expect((await first.api.guestCheckIn()).ok).toBe(true);
    await first.close();
    const second = await createStationService({ dataDir, onWarning: () => undefined });
    expect((await second.api.guestCheckIn()).ok).toBe(true);
    await second.close();
  });

  it('another process is refused while this one holds the lock', async () => {
    const dataDir = temp.make();
    const lock = lockDataDir(dataDir);
    try {
      const { code, out } = await lockInChild(dataDir, 0).done;
      expect(code).toBe(3);
      expect(out).toContain(`DataDirInUseError: Another station process is already running on ${dataDir}`);
    } finally {
      lock.release();
    }
  }, 20_000);

  it('a holder killed with SIGKILL leaves no stale lock', async () => {
    const dataDir = temp.make();
    const child = lockInChild(dataDir, 60_000);
    await child.locked;
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    child.kill();
    expect((await child.done).signal).toBe('SIGKILL');
    const lock = lockDataDir(dataDir);
    lock.release();
    lock.release(); // idempotent
  }, 20_000);
});
