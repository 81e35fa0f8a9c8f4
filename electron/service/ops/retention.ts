/**
 * Retention: raw visit rows older than the retention period become daily counts in
 * `visit_days` (migration 0009) and are deleted, in one transaction, so a crash leaves
 * either the raw rows or their roll-up, never both and never neither.
 */
import type { Database } from 'better-sqlite3';
import { localDayBounds } from '../local-day';

/** Default retention period, days (DESIGN §2 "Local log": the log stays bounded). */
export const DEFAULT_RETENTION_DAYS = 400;

export interface RetentionOutcome {
  /** Visits older than this (a local midnight, epoch ms) were rolled up. */
  readonly cutoffMs: number;
  /** Raw visit rows deleted (each one now counted in `visit_days`). */
  readonly visitsRolledUp: number;
  /** `visit_days` rows written or added to. */
  readonly dayRows: number;
}

/**
 * Rolls up and deletes every visit that arrived before the local midnight `retentionDays`
 * days before `nowMs`. Days are cut at midnight, so a day is rolled up whole. A visit
 * stamped into an already rolled-up day (a clock set back) is added to that day's counts.
 */
export function rollUpOldVisits(db: Database, nowMs: number, retentionDays = DEFAULT_RETENTION_DAYS): RetentionOutcome {
  const cutoff = new Date(localDayBounds(nowMs).startMs);
  cutoff.setDate(cutoff.getDate() - retentionDays);
  const cutoffMs = cutoff.getTime();
  // 'localtime' uses the process time zone, as localDayBounds does.
  const rollUp = db.prepare<[number]>(`
    INSERT INTO visit_days (day, kind, category, visits, unique_workers)
      SELECT date(v.arrived_ms / 1000, 'unixepoch', 'localtime'), v.kind,
             CASE WHEN v.kind = 'member' THEN coalesce(c.category, '') ELSE '' END,
             count(*), count(DISTINCT v.card_id)
      FROM visits v LEFT JOIN cards c ON c.id = v.card_id
      WHERE v.arrived_ms < ?
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3
    ON CONFLICT (day, kind, category) DO UPDATE SET
      visits = visits + excluded.visits,
      unique_workers = unique_workers + excluded.unique_workers`);
  const remove = db.prepare<[number]>('DELETE FROM visits WHERE arrived_ms < ?');
  return db
    .transaction(() => {
      const dayRows = rollUp.run(cutoffMs).changes;
      const visitsRolledUp = remove.run(cutoffMs).changes;
      return { cutoffMs, visitsRolledUp, dayRows };
    })
    .immediate();
}
