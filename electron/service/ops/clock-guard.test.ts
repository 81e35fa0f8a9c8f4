import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../storage/database';
import { useTempDirs } from '../testing/temp-dirs';
import { createClockGuard, CLOCK_CHECK_INTERVAL_MS, CLOCK_PERSIST_INTERVAL_MS } from './clock-guard';

const temp = useTempDirs('station-clock-');
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const T0 = Date.UTC(2026, 11, 1, 8, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A test double for the two clocks: the wall clock can be set anywhere; monotonic only advances. */
function injectedClock(wallMs: number) {
  const c = { wall: wallMs, mono: 1_000 };
  return {
    c,
    clock: { now: () => c.wall, monotonicMs: () => c.mono },
    /** Real time passes: both move. */
    pass(ms: number) {
      c.wall += ms;
      c.mono += ms;
    },
  };
}

function fixture(dataDir = temp.make()) {
  const db = openStationDatabase({ dataDir });
  open.push(db);
  return { db, dataDir };
}

const addGuest = (db: Database.Database, ms: number) =>
  Number(db.prepare("INSERT INTO visits (kind, arrived_ms, last_tap_ms, source, device_id) VALUES ('guest', ?, ?, 'guest', 'screen')").run(ms, ms).lastInsertRowid);

describe('clock guard', () => {
  it('a good clock: the known-good time follows it, nothing is flagged, no warning', () => {
    const { db } = fixture();
    const t = injectedClock(T0);
    const warnings: string[] = [];
    const guard = createClockGuard({ db, clock: t.clock, onWarning: (w) => warnings.push(w) });
    t.pass(CLOCK_CHECK_INTERVAL_MS);
    // Checked each minute, written each quarter hour (every write is an fsynced commit).
    expect(guard.check()).toEqual({ state: 'ok', wallMs: T0 + 60_000, lastGoodMs: T0, offsetMs: 0, suspectVisits: 0 });
    t.pass(CLOCK_PERSIST_INTERVAL_MS);
    expect(guard.check()).toMatchObject({ state: 'ok', lastGoodMs: T0 + 16 * 60_000 });
    addGuest(db, t.c.wall);
    expect(db.prepare('SELECT count(*) AS n FROM clock_suspect_visits').get()).toEqual({ n: 0 });
    expect(warnings).toEqual([]);
  });

  it('a jump back (RTC lost after a power cut, restart in 2000): visits stamped before the known-good time are flagged, then the NTP correction clears it', () => {
    const { db, dataDir } = fixture();
    const t = injectedClock(T0);
    const first = createClockGuard({ db, clock: t.clock, onWarning: () => {} });
    t.pass(HOUR);
    first.check();
    const goodVisit = addGuest(db, t.c.wall);
    db.close();
    open.pop();

    // Power cut; the board comes back with its RTC at 2000-01-01.
    const again = fixture(dataDir).db;
    const t2 = injectedClock(Date.UTC(2000, 0, 1));
    const warnings: string[] = [];
    const guard = createClockGuard({ db: again, clock: t2.clock, onWarning: (w) => warnings.push(w) });
    const status = guard.check();
    expect(status).toMatchObject({ state: 'behind', lastGoodMs: T0 + HOUR });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Clock: the wall clock reads 2000-01-01T00:00:00\.000Z, \d+ min earlier than a time the station already lived through/);
    const wrongVisit = addGuest(again, t2.c.wall);
    expect(again.prepare('SELECT visit_id, stamped_ms, last_good_ms FROM clock_suspect_visits').all()).toEqual([
      { visit_id: wrongVisit, stamped_ms: Date.UTC(2000, 0, 1), last_good_ms: T0 + HOUR },
    ]);
    expect(again.prepare('SELECT visit_id FROM clock_suspect_visits WHERE visit_id = ?').get(goodVisit)).toBeUndefined();

    // Ten minutes later NTP sets the right time (two days after the cut): believed, known-good follows.
    t2.pass(10 * 60_000);
    t2.c.wall = T0 + 2 * DAY;
    expect(guard.check()).toMatchObject({ state: 'ok', lastGoodMs: T0 + 2 * DAY, offsetMs: 0, suspectVisits: 1 });
    expect(warnings[1]).toMatch(/agrees with the station's own count again/);
    addGuest(again, t2.c.wall + 1);
    expect(again.prepare('SELECT count(*) AS n FROM clock_suspect_visits').get()).toEqual({ n: 1 });
  });

  it('a jump back while running flags the next visit; the known-good time keeps counting by the monotonic clock', () => {
    const { db } = fixture();
    const t = injectedClock(T0);
    const guard = createClockGuard({ db, clock: t.clock, onWarning: () => {} });
    t.pass(HOUR);
    guard.check();
    t.c.wall -= 3 * HOUR;
    t.pass(CLOCK_CHECK_INTERVAL_MS);
    expect(guard.check()).toMatchObject({ state: 'behind', lastGoodMs: T0 + HOUR + 60_000, offsetMs: -3 * HOUR });
    const v = addGuest(db, t.c.wall);
    expect(db.prepare('SELECT visit_id FROM clock_suspect_visits').all()).toEqual([{ visit_id: v }]);
  });

  it('a jump years ahead is not followed: the known-good time stays with real time, so correct visits after the fix are not flagged', () => {
    const { db } = fixture();
    const t = injectedClock(T0);
    const guard = createClockGuard({ db, clock: t.clock, onWarning: () => {} });
    t.c.wall = Date.UTC(2037, 0, 1);
    t.pass(CLOCK_CHECK_INTERVAL_MS);
    expect(guard.check()).toMatchObject({ state: 'ahead', lastGoodMs: T0 + 60_000 });
    // NTP brings it back.
    t.c.wall = T0 + 2 * 60_000;
    t.pass(CLOCK_CHECK_INTERVAL_MS);
    expect(guard.check()).toMatchObject({ state: 'ok', lastGoodMs: T0 + 3 * 60_000 });
    addGuest(db, t.c.wall);
    expect(db.prepare('SELECT count(*) AS n FROM clock_suspect_visits').get()).toEqual({ n: 0 });
  });

  it('a small forward step (NTP fixing drift) is believed at once', () => {
    const { db } = fixture();
    const t = injectedClock(T0);
    const guard = createClockGuard({ db, clock: t.clock, onWarning: () => {} });
    t.c.wall += 10 * 60_000;
    t.pass(CLOCK_CHECK_INTERVAL_MS);
    expect(guard.check()).toMatchObject({ state: 'ok', offsetMs: 0 });
    t.pass(CLOCK_PERSIST_INTERVAL_MS);
    expect(guard.check()).toMatchObject({ state: 'ok', lastGoodMs: T0 + 26 * 60_000, offsetMs: 0 });
  });

  it('a clock earlier than the software could have run is behind from the first check, even on a new station', () => {
    const { db } = fixture();
    const t = injectedClock(Date.UTC(1970, 0, 2));
    const guard = createClockGuard({ db, clock: t.clock, onWarning: () => {} });
    expect(guard.check()).toMatchObject({ state: 'behind', lastGoodMs: Date.UTC(2024, 0, 1) });
  });
});
