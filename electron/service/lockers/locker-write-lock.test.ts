/**
 * A door that moved must be written down even while another process holds SQLite's write
 * lock for a moment: the claim waits (without freezing the service) and records the
 * session and its `opened` event once the lock is free.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { stationDatabasePath } from '../storage/database';
import { STANDARD_LAYOUT, useLockerStations } from '../testing/locker-fixture';

const start = useLockerStations();
const REPO = resolve(import.meta.dirname, '..', '..', '..');

function holdWriteLock(dbPath: string, holdMs: number): { held: Promise<void>; done: Promise<number | null> } {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    console.log('held');
    setTimeout(() => { db.exec('COMMIT'); process.exit(0); }, ${holdMs});`;
  const child = spawn(process.execPath, ['-e', script, dbPath], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  let onHeld: () => void = () => undefined;
  const held = new Promise<void>((r) => (onHeld = r));
  child.stdout.setEncoding('utf8').on('data', (s: string) => s.includes('held') && onHeld());
  return { held, done: new Promise((r) => child.once('exit', (code) => r(code))) };
}

describe('locker writes under another writer\'s lock', () => {
  it('a guest claim whose door opened while the database was locked for 300 ms records its session', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    // Real timers from here: the retry waits on them, and the other process runs in real time.
    vi.useRealTimers();
    const lock = holdWriteLock(stationDatabasePath(s.dataDir), 300);
    await lock.held;
    const claim = await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' });
    expect(claim).toMatchObject({ ok: true, value: { kind: 'opened', sessionId: 1, lockerNumber: 1 } });
    expect(await lock.done).toBe(0);
    expect(s.bus.opens).toHaveLength(1);
    expect(s.rows('SELECT locker_number, holder, state FROM locker_sessions')).toEqual([{ locker_number: 1, holder: 'guest', state: 'claimed' }]);
    expect(s.rows("SELECT locker_number FROM locker_events WHERE kind = 'opened'")).toEqual([{ locker_number: 1 }]);
  }, 20_000);
});
