/**
 * Retention for the unique-worker sketches (`upstream_worker_sketches`, about 4 KB a day):
 * a day's row is deleted once it is older than the retention period AND the collector has
 * its `workers.daily` (the producer wrote the day and the outbox no longer holds the item,
 * pending or refused). A day not yet sent, or sent and refused, keeps its registers.
 */
import type { Database } from 'better-sqlite3';
import { localDayBounds } from '../local-day';

const LABEL = /^(\d{4}-\d{2}-\d{2})([+-]\d{2}:\d{2})$/;
const LONGEST_DAY_MS = 25 * 3_600_000;

/**
 * Deletes the sketch rows of days that began before the local midnight `retentionDays` days
 * before `nowMs` and whose `workers.daily` the collector has stored. Returns how many.
 */
export function pruneWorkerSketches(db: Database, nowMs: number, retentionDays: number): number {
  const cutoff = new Date(localDayBounds(nowMs).startMs);
  cutoff.setDate(cutoff.getDate() - retentionDays);
  const cursor = db.prepare<[], { done_until_ms: number }>("SELECT done_until_ms FROM upstream_cursors WHERE producer = 'workers.daily'").get();
  if (!cursor) return 0;
  const rows = db
    .prepare<[], { day_label: string; in_outbox: number }>(
      `SELECT s.day_label,
              EXISTS (SELECT 1 FROM upstream_outbox o WHERE o.kind = 'workers.daily' AND o.key LIKE '%/workers.daily/' || s.day_label) AS in_outbox
       FROM upstream_worker_sketches s`,
    )
    .all();
  const remove = db.prepare<[string]>('DELETE FROM upstream_worker_sketches WHERE day_label = ?');
  return db
    .transaction(() => {
      let deleted = 0;
      for (const row of rows) {
        const label = LABEL.exec(row.day_label);
        if (!label || row.in_outbox) continue;
        const startMs = Date.parse(`${label[1]}T00:00:00${label[2]}`);
        // Written once the producer's cursor is past the day's end; a day is at most 25 hours (DST).
        if (startMs < cutoff.getTime() && startMs + LONGEST_DAY_MS <= cursor.done_until_ms) {
          deleted += remove.run(row.day_label).changes;
        }
      }
      return deleted;
    })
    .immediate();
}
