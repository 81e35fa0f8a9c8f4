/**
 * Power-loss stand-in: a process checking cards in is killed with SIGKILL mid-burst, again
 * and again on the same data dir (20 kills in all). After every kill, every visit whose
 * outcome it had acknowledged must be in the database, the database must pass
 * `PRAGMA integrity_check`, and the next process must start (the data-dir lock dies with
 * the killed process).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseCardText } from '../../hardware/card-id/normalise';
import { createStationService } from '../../electron/service/station-service';
import { hashCardId } from '../../electron/service/station-key';
import { stationDatabasePath } from '../../electron/service/storage/database';

const REPO = resolve(import.meta.dirname, '..', '..');
/** Small bursts keep 20 kills within a bounded time; each still ends mid-write. */
const ACKS_BEFORE_KILL = 60;
const RUNS = 4;
const KILLS_PER_RUN = 5;
/** First card of each burst: bursts never share a card, so every ack is a new visit. */
const FIRST_CARD = 1_000_000_000;
const CARDS_PER_BURST = 100_000;
/** Bound on the whole burst (tsx start-up included): a stuck child fails the test, not hangs it. */
const BURST_TIMEOUT_MS = 20_000;

interface Ack {
  visitId: number;
  card: string;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the child until it has acknowledged `count` taps, then SIGKILLs it. */
function burstThenKill(dataDir: string, count: number, firstCard: number): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/durability/tap-burst-child.ts', dataDir, String(firstCard)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let pending = '';
  let stderr = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`only ${acks.length} acks within ${BURST_TIMEOUT_MS} ms; stderr:\n${stderr}`));
    }, BURST_TIMEOUT_MS);
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ACK (\d+) (\d+)$/.exec(line);
        if (!match) continue;
        acks.push({ visitId: Number(match[1]), card: match[2] ?? '' });
        if (acks.length === count) child.kill('SIGKILL');
      }
    });
    // 'close', not 'exit': it waits until every line the child wrote has been read.
    child.once('close', (_code, signal) => {
      clearTimeout(timer);
      resolvePromise({ acks, signal, stderr });
    });
    child.once('error', reject);
  });
}

describe('kill -9 during a burst of check-ins', () => {
  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run}: ${KILLS_PER_RUN} kills on one data dir; after each, every acknowledged visit survives and the database is intact`, { timeout: 60_000 }, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'station-kill9-'));
      dirs.push(dataDir);
      const acks: Ack[] = [];
      for (let kill = 0; kill < KILLS_PER_RUN; kill++) {
        const burst = await burstThenKill(dataDir, ACKS_BEFORE_KILL, FIRST_CARD + kill * CARDS_PER_BURST);
        expect(burst.signal, burst.stderr).toBe('SIGKILL');
        expect(burst.acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
        acks.push(...burst.acks);
        // At most the one tap in flight at each kill can be there without an ack.
        checkDatabase(dataDir, acks, kill + 1);
      }

      // The station opens again on the same files and carries on.
      const service = await createStationService({ dataDir, onWarning: () => {} });
      try {
        const first = acks[0];
        expect(await service.api.submitWedgeRead({ text: first?.card ?? '' })).toMatchObject({ ok: true, value: { kind: 'already-here', visitId: first?.visitId } });
      } finally {
        await service.close();
      }
    });
  }
});

/** Integrity, and every acknowledged visit present with its card; at most `inFlight` more. */
function checkDatabase(dataDir: string, acks: readonly Ack[], inFlight: number): void {
  expect(new Set(acks.map((a) => a.visitId)).size).toBe(acks.length);
  const key = readFileSync(join(dataDir, 'station.key'));
  const db = new Database(stationDatabasePath(dataDir));
  try {
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const visit = db.prepare<[number], { kind: string; hash32: string }>(
      'SELECT v.kind, c.hash32 FROM visits v JOIN cards c ON c.id = v.card_id WHERE v.id = ?',
    );
    const missing = acks.filter((ack) => {
      const card = normaliseCardText(ack.card);
      if (card?.kind !== 'uid32') throw new Error(`test card ${ack.card} is not a uid32`);
      const row = visit.get(ack.visitId);
      return row?.kind !== 'member' || row.hash32 !== hashCardId(key, card.canonical);
    });
    expect(missing).toEqual([]);
    const total = (db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
    expect(total - acks.length).toBeGreaterThanOrEqual(0);
    expect(total - acks.length).toBeLessThanOrEqual(inFlight);
  } finally {
    db.close();
  }
}
