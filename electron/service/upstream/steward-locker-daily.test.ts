/**
 * A whole station (lockers on the bus double, the steward console's real access): what a
 * steward does at the lockers is counted in that day's steward.daily, once each, by name.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { stationDatabasePath } from '../storage/database';
import { STANDARD_LAYOUT, useLockerStations } from '../testing/locker-fixture';
import { useTimeZone } from '../testing/time-zone';
import { periodContaining } from './periods';
import { createStewardSummaries } from './steward-summaries';

useTimeZone('Asia/Shanghai');
const start = useLockerStations();

describe('steward.daily on a station with lockers', () => {
  it('counts the steward\'s locker actions of the day, each once', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: '2468' } });
    const act = async (lockerNumber: number, action: 'remote-open' | 'mark-faulty' | 'mark-repaired', reason: string) =>
      s.service.api.stewardLockerAction({ session: await s.session(), lockerNumber, action, reason });
    expect(await act(1, 'remote-open', 'worker lost card')).toEqual({ ok: true, value: {} });
    expect(await act(2, 'mark-faulty', 'hinge')).toEqual({ ok: true, value: {} });
    expect(await act(2, 'mark-repaired', 'fixed')).toEqual({ ok: true, value: {} });
    // Both logs have them: the console's (who) and the lockers' (the outcome).
    expect(s.rows<{ n: number }>('SELECT count(*) AS n FROM steward_audit')).toEqual([{ n: 3 }]);

    const db = new Database(stationDatabasePath(s.dataDir), { readonly: true });
    try {
      const day = periodContaining('day', Date.now());
      const counts = createStewardSummaries(db)!.actions(day);
      expect(counts).toMatchObject({ 'locker.mark-faulty': 1, 'locker.mark-repaired': 1, 'locker.remote-open': 1 });
      expect(Object.keys(counts).filter((name) => name.startsWith('locker.'))).toEqual(['locker.mark-faulty', 'locker.mark-repaired', 'locker.remote-open']);
    } finally {
      db.close();
    }
  });
});
