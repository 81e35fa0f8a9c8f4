/**
 * Steward actions per local day, for `steward.daily`: counts by action only (never the
 * reason text, the subject or who). Reads the steward console's `steward_actions` log where
 * the station has one, else the lockers' older `steward_audit`; a station with neither
 * produces no `steward.daily` at all. An action name the wire cannot carry counts as `other`.
 */
import type { Database } from 'better-sqlite3';
import type { Period } from '../../../common/upstream-wire';

export interface StewardSummaries {
  /** Epoch ms of the first action recorded, or null. */
  firstActionMs(): number | null;
  /** Actions in `[startMs, endMs)` by action name, names sorted. */
  actions(period: Period): Record<string, number>;
}

/** Names `steward.daily` carries (common/upstream-wire.ts). */
const ACTION_NAME = /^[a-z][a-z0-9._-]{0,59}$/;
/** Actions kept per day; the rest are added into `other`. */
const MAX_ACTIONS = 49;

export function createStewardSummaries(db: Database): StewardSummaries | undefined {
  const tables = new Set(
    db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('steward_actions', 'steward_audit')").all().map((r) => r.name),
  );
  const table = tables.has('steward_actions') ? 'steward_actions' : tables.has('steward_audit') ? 'steward_audit' : undefined;
  if (!table) return undefined;
  const first = db.prepare<[], { at: number | null }>(`SELECT min(at_ms) AS at FROM ${table}`);
  const byAction = db.prepare<[number, number], { action: string; n: number }>(
    `SELECT action, count(*) AS n FROM ${table} WHERE at_ms >= ? AND at_ms < ? GROUP BY action ORDER BY count(*) DESC, action`,
  );
  return {
    firstActionMs: () => first.get()?.at ?? null,
    actions: (period) => {
      const counts: Record<string, number> = {};
      byAction.all(period.startMs, period.endMs).forEach((r, i) => {
        const name = ACTION_NAME.test(r.action) && i < MAX_ACTIONS ? r.action : 'other';
        counts[name] = (counts[name] ?? 0) + r.n;
      });
      return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}
