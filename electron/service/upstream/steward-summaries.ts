/**
 * Steward actions per local day, for `steward.daily`: counts by action only (never the
 * reason text, the locker or who). Reads the `steward_audit` table where the station has one
 * (the lockers slice writes it; the steward console may add actions): a station without it
 * produces no `steward.daily` at all.
 */
import type { Database } from 'better-sqlite3';
import type { Period } from '../../../common/upstream-wire';

export interface StewardSummaries {
  /** Epoch ms of the first action recorded, or null. */
  firstActionMs(): number | null;
  /** Actions in `[startMs, endMs)` by action name, names sorted. */
  actions(period: Period): Record<string, number>;
}

export function createStewardSummaries(db: Database): StewardSummaries | undefined {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'steward_audit'").get();
  if (!table) return undefined;
  const first = db.prepare<[], { at: number | null }>('SELECT min(at_ms) AS at FROM steward_audit');
  const byAction = db.prepare<[number, number], { action: string; n: number }>(
    'SELECT action, count(*) AS n FROM steward_audit WHERE at_ms >= ? AND at_ms < ? GROUP BY action ORDER BY action',
  );
  return {
    firstActionMs: () => first.get()?.at ?? null,
    actions: (period) => Object.fromEntries(byAction.all(period.startMs, period.endMs).map((r) => [r.action, r.n])),
  };
}
