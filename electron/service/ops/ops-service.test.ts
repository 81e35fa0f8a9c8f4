import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../storage/database';
import { createManualClock } from '../testing/manual-clock';
import { useTempDirs } from '../testing/temp-dirs';
import { listBackups } from './backup';
import { createOpsService, DAY_MS, FIRST_MAINTENANCE_DELAY_MS } from './ops-service';

const temp = useTempDirs('station-ops-');
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const T0 = Date.UTC(2026, 11, 1, 3, 0);

function start(dataDir = temp.make(), startMs = T0) {
  const db = openStationDatabase({ dataDir });
  open.push(db);
  const clock = createManualClock(startMs);
  const notices: string[] = [];
  const warnings: string[] = [];
  const ops = createOpsService({
    db,
    dataDir,
    clock,
    settings: { retentionDays: 400, backupsKept: 2 },
    onWarning: (w) => warnings.push(w),
    onNotice: (n) => notices.push(n),
  });
  return { db, dataDir, clock, ops, notices, warnings };
}

/** The backup API steps on setImmediate: waits (on real time, at most 5 s) for `value()` to be `want`. */
async function until<T>(value: () => T, want: T): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (value() !== want && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(value()).toBe(want);
}

async function settle(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

describe('createOpsService', () => {
  it('runs retention and a verified backup 5 minutes after start, then daily, keeping the newest N', async () => {
    const s = start();
    const old = Date.UTC(2025, 0, 5, 12);
    s.db.prepare("INSERT INTO visits (kind, arrived_ms, last_tap_ms, source, device_id) VALUES ('guest', ?, ?, 'guest', 'screen')").run(old, old);
    s.clock.advance(FIRST_MAINTENANCE_DELAY_MS - 1);
    expect(listBackups(s.dataDir)).toEqual([]);
    s.clock.advance(1);
    await until(() => listBackups(s.dataDir).length, 1);
    expect(s.db.prepare('SELECT day, kind, visits FROM visit_days').all()).toEqual([{ day: new Date(old).toLocaleDateString('sv'), kind: 'guest', visits: 1 }]);
    await until(() => s.notices.length, 1);
    expect(s.notices[0]).toMatch(/^Maintenance: 1 visits rolled up into daily counts; backup station-20261201T030500000Z\.db verified \(\d+ bytes\), 0 old backups deleted\.$/);
    for (let day = 1; day <= 3; day++) {
      s.clock.advance(DAY_MS);
      await until(() => s.notices.length, day + 1);
    }
    expect(listBackups(s.dataDir).map((b) => b.takenAtMs)).toEqual([T0 + 2 * DAY_MS, T0 + 3 * DAY_MS]);
    expect(s.warnings).toEqual([]);
    s.ops.close();
  });

  it('a restart within a day of the last backup waits for the daily timer instead of backing up again', async () => {
    const first = start();
    await first.ops.runMaintenance();
    first.ops.close();
    first.db.close();
    open.pop();
    const again = start(first.dataDir, T0 + 3_600_000);
    again.clock.advance(FIRST_MAINTENANCE_DELAY_MS);
    await settle(200);
    expect(listBackups(again.dataDir)).toHaveLength(1);
    again.ops.close();
  });

  it('getStorageStatus: disk space, state, clock and the newest backup', async () => {
    const s = start();
    const none = await s.ops.api.getStorageStatus();
    expect(none).toMatchObject({ ok: true, value: { lastFullAtMs: null, clock: 'ok', lastBackupAtMs: null } });
    expect(none.ok && none.value.totalBytes).toBeGreaterThan(0);
    await s.ops.runMaintenance();
    expect(await s.ops.api.getStorageStatus()).toMatchObject({ ok: true, value: { lastBackupAtMs: T0 } });
    // A disk-full error from a write marks the disk full until space is freed.
    s.ops.noteStorageFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    expect(await s.ops.api.getStorageStatus()).toMatchObject({ ok: true, value: { state: 'full', lastFullAtMs: T0 } });
    s.ops.noteStorageFailure(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }));
    expect(await s.ops.api.getStorageStatus()).toMatchObject({ ok: true, value: { state: 'full' } });
    s.ops.close();
  });

  it('maintenance deletes the worker sketches past retention that the collector has, and keeps a recent one', async () => {
    const s = start();
    const sketch = s.db.prepare("INSERT INTO upstream_worker_sketches (day_label, pseudonym_period, registers) VALUES (?, ?, zeroblob(4096))");
    sketch.run('2025-01-10+08:00', '2025-01');
    sketch.run('2026-11-30+08:00', '2026-11');
    s.db.prepare("INSERT INTO upstream_cursors (producer, done_until_ms) VALUES ('workers.daily', ?)").run(T0);
    expect((await s.ops.runMaintenance()).workerSketchesPruned).toBe(1);
    expect(s.db.prepare('SELECT day_label FROM upstream_worker_sketches').all()).toEqual([{ day_label: '2026-11-30+08:00' }]);
    s.ops.close();
  });
});
