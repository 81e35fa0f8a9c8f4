import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../storage/database';
import { useTempDirs } from '../testing/temp-dirs';
import { rollUpOldVisits } from './retention';

const temp = useTempDirs('station-retention-');
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function freshDb(): Database.Database {
  const db = openStationDatabase({ dataDir: temp.make() });
  open.push(db);
  return db;
}

/** Local time, so the test holds in any time zone. */
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

function addCard(db: Database.Database, hash: string, category: string | null): number {
  return Number(db.prepare('INSERT INTO cards (hash32, category, category_chosen, first_seen_ms) VALUES (?, ?, 1, 0)').run(hash, category).lastInsertRowid);
}

function addVisit(db: Database.Database, cardId: number | null, arrivedMs: number): void {
  db.prepare("INSERT INTO visits (card_id, kind, arrived_ms, last_tap_ms, source, device_id) VALUES (?, ?, ?, ?, ?, 'test')").run(
    cardId,
    cardId === null ? 'guest' : 'member',
    arrivedMs,
    arrivedMs,
    cardId === null ? 'guest' : 'reader',
  );
}

describe('rollUpOldVisits', () => {
  it('rolls visits before the local midnight 400 days back into daily counts by kind and category, and deletes them', () => {
    const db = freshDb();
    const rider = addCard(db, 'a'.repeat(64), 'food-delivery');
    const rider2 = addCard(db, 'b'.repeat(64), 'food-delivery');
    const sweeper = addCard(db, 'c'.repeat(64), 'sanitation');
    const unknown = addCard(db, 'd'.repeat(64), null);
    // 2024-01-10: rider twice, rider2, sweeper, unknown, 2 guests. 2024-01-11: rider. 00:30 and 23:30 stay in their day.
    addVisit(db, rider, at(2024, 1, 10, 0) + 30 * 60_000);
    addVisit(db, rider, at(2024, 1, 10, 23) + 30 * 60_000);
    addVisit(db, rider2, at(2024, 1, 10));
    addVisit(db, sweeper, at(2024, 1, 10));
    addVisit(db, unknown, at(2024, 1, 10));
    addVisit(db, null, at(2024, 1, 10));
    addVisit(db, null, at(2024, 1, 10));
    addVisit(db, rider, at(2024, 1, 11));
    // Kept: the cut-off day itself and later.
    const now = at(2025, 2, 20, 9);
    const cutoffDay = new Date(now);
    cutoffDay.setDate(cutoffDay.getDate() - 400);
    addVisit(db, rider, new Date(cutoffDay.getFullYear(), cutoffDay.getMonth(), cutoffDay.getDate(), 0, 0, 1).getTime());
    addVisit(db, null, at(2025, 2, 20, 8));

    const outcome = rollUpOldVisits(db, now);

    expect(outcome).toEqual({ cutoffMs: new Date(cutoffDay.getFullYear(), cutoffDay.getMonth(), cutoffDay.getDate()).getTime(), visitsRolledUp: 8, dayRows: 5 });
    expect(db.prepare('SELECT * FROM visit_days ORDER BY day, kind, category').all()).toEqual([
      { day: '2024-01-10', kind: 'guest', category: '', visits: 2, unique_workers: 0 },
      { day: '2024-01-10', kind: 'member', category: '', visits: 1, unique_workers: 1 },
      { day: '2024-01-10', kind: 'member', category: 'food-delivery', visits: 3, unique_workers: 2 },
      { day: '2024-01-10', kind: 'member', category: 'sanitation', visits: 1, unique_workers: 1 },
      { day: '2024-01-11', kind: 'member', category: 'food-delivery', visits: 1, unique_workers: 1 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 2 });
    // Cards stay: they carry the category and visit count a returning worker is known by.
    expect(db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 4 });
  });

  it('a visit later stamped into a rolled-up day (clock set back) adds to that day; a second run with nothing old changes nothing', () => {
    const db = freshDb();
    const rider = addCard(db, 'a'.repeat(64), 'courier');
    addVisit(db, rider, at(2024, 3, 1));
    const now = at(2025, 6, 1);
    rollUpOldVisits(db, now);
    expect(rollUpOldVisits(db, now)).toMatchObject({ visitsRolledUp: 0, dayRows: 0 });
    addVisit(db, rider, at(2024, 3, 1, 15));
    expect(rollUpOldVisits(db, now)).toMatchObject({ visitsRolledUp: 1, dayRows: 1 });
    expect(db.prepare('SELECT visits, unique_workers FROM visit_days').all()).toEqual([{ visits: 2, unique_workers: 2 }]);
  });

  it('is one transaction: when the delete fails, the roll-up is undone too', () => {
    const db = freshDb();
    addVisit(db, null, at(2024, 3, 1));
    // Something else still pointing at the visit makes the delete fail (foreign keys are on).
    db.exec('CREATE TABLE holds (visit_id INTEGER REFERENCES visits (id))');
    db.exec('INSERT INTO holds SELECT id FROM visits');
    expect(() => rollUpOldVisits(db, at(2025, 6, 1))).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) AS n FROM visit_days').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 1 });
  });
});
