/**
 * Another process holding SQLite's write lock must neither freeze the station nor lose a tap
 * silently. A real second connection, in its own process, holds `BEGIN IMMEDIATE`:
 * - for 300 ms: the tap is saved once the lock is released, and meanwhile other calls are
 *   answered and the event loop keeps running (its delay is measured);
 * - for 6 s: the tap ends in the visible `cardError` `not-saved`, the other writer's row is
 *   committed, nothing is corrupted, and the next tap is saved.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uid32 } from '../../hardware/card-id/normalise';
import { createStationService } from '../../electron/service/station-service';
import { stationDatabasePath } from '../../electron/service/storage/database';
import { CardReaderDouble } from '../../electron/service/testing/card-reader-double';
import { useTempDirs } from '../../electron/service/testing/temp-dirs';
import { waitUntil } from '../../hardware/testing/wait-until';

const REPO = resolve(import.meta.dirname, '..', '..');
const temp = useTempDirs('station-write-lock-');
/**
 * The longest the event loop may be held while another process has the lock, ms. One
 * attempt holds it for the 10 ms busy timeout (a quiet run measures 25–40 ms in all); the
 * rest is room for a shared, loaded machine starving this process. Before, the loop was
 * held for the whole lock: 300 ms, or 5 s.
 */
const MAX_LOOP_HOLD_MS = 150;
/** A page call made while the lock is held is answered within this, ms (same reasoning). */
const MAX_ANSWER_MS = 150;

/** Another process holds the write lock for `holdMs` (one row inserted), then commits. */
function holdWriteLock(dbPath: string, holdMs: number): { held: Promise<void>; done: Promise<number | null> } {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO events (kind, detail, at_ms) VALUES ('join-interest', '{}', 1)").run();
    console.log('held');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, ${holdMs});`;
  const child = spawn(process.execPath, ['-e', script, dbPath], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  let onHeld: () => void = () => undefined;
  const held = new Promise<void>((r) => (onHeld = r));
  child.stdout.setEncoding('utf8').on('data', (s: string) => s.includes('held') && onHeld());
  return { held, done: new Promise((r) => child.once('exit', (code) => r(code))) };
}

/**
 * Measures how long the event loop was held: a 5 ms interval notes the longest gap between
 * its ticks beyond its period (and the gap up to `stop()`, so a hold at the end counts too).
 */
function loopHoldProbe(periodMs = 5): { stop(): number } {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - periodMs);
    last = now;
  }, periodMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(max, performance.now() - last - periodMs);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function station() {
  const dataDir = temp.make();
  const door = new CardReaderDouble('door');
  const service = await createStationService({ dataDir, readers: [door], onWarning: () => undefined });
  const seen: Array<{ event: string; payload: unknown }> = [];
  service.events.on('checkIn', (payload) => seen.push({ event: 'checkIn', payload }));
  service.events.on('cardError', (payload) => seen.push({ event: 'cardError', payload }));
  const count = (sql: string) => {
    const db = new Database(stationDatabasePath(dataDir), { readonly: true });
    try {
      return db.prepare<[], { n: number }>(sql).get()?.n;
    } finally {
      db.close();
    }
  };
  return { dataDir, door, service, seen, count };
}

describe('another writer holding the database lock', () => {
  it('held 300 ms: the tap is saved, other calls answer meanwhile, the event loop is never held long', async () => {
    const s = await station();
    try {
      const lock = holdWriteLock(stationDatabasePath(s.dataDir), 300);
      await lock.held;
      const probe = loopHoldProbe();
      await sleep(20);
      const tappedAt = performance.now();
      s.door.tap(uid32(0x026f6c3a));
      // A page call made while the lock is still held, 100 ms into it.
      const answeredMs = await new Promise<number>((resolveAnswer) => {
        const askAt = tappedAt + 100;
        setTimeout(() => void s.service.api.getStationInfo().then(() => resolveAnswer(performance.now() - askAt)), 100);
      });
      await waitUntil(() => s.seen.length > 0, 'the tap saved', 5000);
      const savedMs = performance.now() - tappedAt;
      const maxDelayMs = probe.stop();
      expect(await lock.done).toBe(0);
      console.log(`lock 300 ms: tap saved after ${Math.round(savedMs)} ms; getStationInfo asked 100 ms into the lock answered in ${answeredMs.toFixed(1)} ms; event loop held at most ${maxDelayMs.toFixed(1)} ms`);
      expect(s.seen).toEqual([{ event: 'checkIn', payload: { deviceId: 'door', outcome: { kind: 'welcome', visitId: 1, visitNumber: 1, needsCategory: true, category: null, wishPass: expect.stringMatching(/^[0-9a-f]{32}$/) } } }]);
      expect(answeredMs).toBeLessThan(MAX_ANSWER_MS);
      expect(maxDelayMs).toBeLessThan(MAX_LOOP_HOLD_MS);
      expect(s.count('SELECT count(*) AS n FROM visits')).toBe(1);
    } finally {
      await s.service.close();
    }
  }, 20_000);

  it('held 6 s: the tap ends in cardError not-saved; nothing is lost or corrupted; the next tap is saved', async () => {
    const s = await station();
    try {
      const lock = holdWriteLock(stationDatabasePath(s.dataDir), 6000);
      await lock.held;
      const probe = loopHoldProbe();
      await sleep(20);
      const tappedAt = performance.now();
      s.door.tap(uid32(0x026f6c3a));
      await waitUntil(() => s.seen.length > 0, 'an outcome for the tap', 8000);
      const outcomeMs = performance.now() - tappedAt;
      const maxDelayMs = probe.stop();
      console.log(`lock 6 s: tap answered not-saved after ${Math.round(outcomeMs)} ms; event loop held at most ${maxDelayMs.toFixed(1)} ms`);
      expect(s.seen).toEqual([{ event: 'cardError', payload: { deviceId: 'door', reason: 'not-saved' } }]);
      expect(maxDelayMs).toBeLessThan(MAX_LOOP_HOLD_MS);
      expect(await lock.done).toBe(0);

      s.door.tap(uid32(0x026f6c3a));
      await waitUntil(() => s.seen.length === 2, 'the next tap saved');
      expect(s.seen[1]).toMatchObject({ event: 'checkIn', payload: { outcome: { kind: 'welcome', visitId: 1 } } });
      expect(s.count('SELECT count(*) AS n FROM visits')).toBe(1);
      // The other writer's row was committed, untouched by the station's failed attempts.
      expect(s.count("SELECT count(*) AS n FROM events WHERE kind = 'join-interest'")).toBe(1);
      const db = new Database(stationDatabasePath(s.dataDir), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    } finally {
      await s.service.close();
    }
  }, 20_000);
});
