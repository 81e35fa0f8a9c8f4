/**
 * Sketch retention on a real station database: only days past the retention period whose
 * workers.daily the collector has stored are deleted; unsent, pending and refused days stay.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../storage/database';
import { useTempDirs } from '../testing/temp-dirs';
import { useTimeZone } from '../testing/time-zone';
import { pruneWorkerSketches } from './sketch-retention';

useTimeZone('Asia/Shanghai');
const temp = useTempDirs('sketch-retention-');
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** 2026-03-02 12:00 in Beijing. */
const NOW = Date.UTC(2026, 2, 2, 4);
/** Local midnight starting 2026-MM-DD in Beijing. */
const day = (m: number, d: number) => Date.UTC(2026, m - 1, d) - 8 * 3_600_000;

describe('pruneWorkerSketches', () => {
  it('deletes days older than the retention period that the collector has; keeps the rest', () => {
    const db = openStationDatabase({ dataDir: temp.make() });
    open.push(db);
    const sketch = db.prepare("INSERT INTO upstream_worker_sketches (day_label, pseudonym_period, registers) VALUES (?, '2026-01', zeroblob(4096))");
    const labels = ['2026-01-10+08:00', '2026-01-11+08:00', '2026-01-12+08:00', '2026-01-13+08:00', '2026-01-29+08:00', '2026-02-01+08:00', '2026-03-01+08:00'];
    for (const label of labels) sketch.run(label);
    const outbox = db.prepare("INSERT INTO upstream_outbox (key, kind, produced_ms, item, state, reject_reason) VALUES (?, 'workers.daily', 0, '{}', ?, ?)");
    outbox.run('st-1/workers.daily/2026-01-11+08:00', 'pending', null); // not yet stored by the collector
    outbox.run('st-1/workers.daily/2026-01-12+08:00', 'rejected', 'registers: too big'); // refused: kept to look at
    // workers.daily is written up to the end of 2026-01-29 (the station was offline since).
    db.prepare("INSERT INTO upstream_cursors (producer, done_until_ms) VALUES ('workers.daily', ?)").run(day(1, 30));

    expect(pruneWorkerSketches(db, NOW, 31)).toBe(2);
    // 01-10 and 01-13: sent and older than 31 days (before 2026-01-30). 01-29 is too, and was
    // written, but is kept a day longer: the cursor check allows for a 25-hour day.
    const left = () => db.prepare<[], { day_label: string }>('SELECT day_label FROM upstream_worker_sketches ORDER BY day_label').all().map((r) => r.day_label);
    expect(left()).toEqual(['2026-01-11+08:00', '2026-01-12+08:00', '2026-01-29+08:00', '2026-02-01+08:00', '2026-03-01+08:00']);
    expect(pruneWorkerSketches(db, NOW, 31)).toBe(0);

    // The collector stores 01-11; the cursor moves on: those go too, recent days never.
    db.prepare("DELETE FROM upstream_outbox WHERE state = 'pending'").run();
    db.prepare("UPDATE upstream_cursors SET done_until_ms = ? WHERE producer = 'workers.daily'").run(day(3, 2));
    expect(pruneWorkerSketches(db, NOW, 31)).toBe(2);
    expect(left()).toEqual(['2026-01-12+08:00', '2026-02-01+08:00', '2026-03-01+08:00']);
  });

  it('keeps everything while workers.daily has never been written', () => {
    const db = openStationDatabase({ dataDir: temp.make() });
    open.push(db);
    db.prepare("INSERT INTO upstream_worker_sketches (day_label, pseudonym_period, registers) VALUES ('2025-01-10+08:00', '2025-01', zeroblob(4096))").run();
    expect(pruneWorkerSketches(db, NOW, 31)).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM upstream_worker_sketches').get()).toEqual({ n: 1 });
  });
});
