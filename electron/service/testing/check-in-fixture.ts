/**
 * Check-in over a real SQLite file in a temp dir, with a hand-driven clock, for tests.
 */
import type Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { createCheckIn, type CheckIn, type CheckInSettings } from '../check-in';
import { hashCardId } from '../station-key';
import { createCheckInStore } from '../storage/check-in-store';
import { openStationDatabase } from '../storage/database';
import { useTempDirs } from './temp-dirs';

export const MINUTE = 60_000;
export const TEST_KEY = Buffer.alloc(32, 7);

export interface CheckInFixture {
  readonly checkIn: CheckIn;
  readonly db: Database.Database;
  /** The clock the check-in reads, epoch ms; set it before each call. */
  clock: { ms: number };
  hash(canonical: string): string;
  rows<T>(sql: string): T[];
}

export function useCheckInFixture(): (settings?: Partial<CheckInSettings>, startMs?: number) => CheckInFixture {
  const temp = useTempDirs('station-check-in-');
  const open: Database.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  return (settings = {}, startMs = Date.UTC(2025, 5, 1, 8, 0)) => {
    const db = openStationDatabase({ dataDir: temp.make() });
    open.push(db);
    const clock = { ms: startMs };
    const hash = (canonical: string) => hashCardId(TEST_KEY, canonical);
    const checkIn = createCheckIn({
      repo: createCheckInStore(db),
      hashCard: hash,
      now: () => clock.ms,
      settings: { duplicateWindowMinutes: 30, tapOutEnabled: false, minStayBeforeTapOutMinutes: 2, ...settings },
    });
    return { checkIn, db, clock, hash, rows: <T>(sql: string) => db.prepare(sql).all() as T[] };
  };
}
