/**
 * Daily visit counts over the whole log: the roll-ups (`visit_days`) for days retention has
 * deleted, the same figures computed from raw visits for the rest. This is how any usage
 * query must read days older than the retention period.
 */
import type { Database } from 'better-sqlite3';

export interface DailyCount {
  /** Local calendar day, YYYY-MM-DD. */
  readonly day: string;
  readonly kind: 'member' | 'guest';
  /** Worker category, '' for guests and members without one. */
  readonly category: string;
  readonly visits: number;
  readonly uniqueWorkers: number;
}

/** Every (day, kind, category) from `fromDay` to `toDay` inclusive (YYYY-MM-DD), in order. */
export function dailyCounts(db: Database, fromDay = '0000-01-01', toDay = '9999-12-31'): DailyCount[] {
  return db
    .prepare<[string, string, string, string], DailyCount>(`
      SELECT day, kind, category, sum(visits) AS visits, sum(unique_workers) AS uniqueWorkers FROM (
        SELECT day, kind, category, visits, unique_workers FROM visit_days WHERE day BETWEEN ? AND ?
        UNION ALL
        SELECT date(v.arrived_ms / 1000, 'unixepoch', 'localtime') AS day, v.kind,
               CASE WHEN v.kind = 'member' THEN coalesce(c.category, '') ELSE '' END AS category,
               count(*) AS visits, count(DISTINCT v.card_id) AS unique_workers
        FROM visits v LEFT JOIN cards c ON c.id = v.card_id
        WHERE date(v.arrived_ms / 1000, 'unixepoch', 'localtime') BETWEEN ? AND ?
        GROUP BY 1, 2, 3
      )
      GROUP BY day, kind, category
      ORDER BY day, kind, category`)
    .all(fromDay, toDay, fromDay, toDay);
}

/** The counts as CSV (RFC 4180, header line, `\r\n`). No card data: counts only. */
export function dailyCountsCsv(rows: readonly DailyCount[]): string {
  const lines = ['day,kind,category,visits,unique_workers', ...rows.map((r) => [r.day, r.kind, r.category, r.visits, r.uniqueWorkers].join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
