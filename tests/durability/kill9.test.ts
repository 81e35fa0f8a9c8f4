/**
 * Power-loss stand-in: a process checking cards in is killed with SIGKILL mid-burst. Every
 * visit whose outcome it had acknowledged must be in the database afterwards, and the
 * database must pass `PRAGMA integrity_check`.
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
const ACKS_BEFORE_KILL = 200;
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
function burstThenKill(dataDir: string, count: number): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/durability/tap-burst-child.ts', dataDir], {
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
  for (const run of [1, 2, 3]) {
    it(`run ${run}: every acknowledged visit survives and the database is intact`, { timeout: 40_000 }, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'station-kill9-'));
      dirs.push(dataDir);
      const { acks, signal, stderr } = await burstThenKill(dataDir, ACKS_BEFORE_KILL);
      expect(signal, stderr).toBe('SIGKILL');
      expect(acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
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
        // At most the one tap in flight when the kill landed can be there without an ack.
        expect(total - acks.length).toBeGreaterThanOrEqual(0);
        expect(total - acks.length).toBeLessThanOrEqual(1);
      } finally {
        db.close();
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
