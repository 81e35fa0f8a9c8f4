/**
 * Steward actions per local day, for `steward.daily`: counts by action only (never the
 * reason text, the subject or who). Reads the steward console's `steward_actions` log (where
 * locker actions appear as `locker.remote-open`, …) and, for the days before its first row,
 * the lockers' older `steward_audit` under the same names; a station with neither produces
 * no `steward.daily` at all. An action name the wire cannot carry counts as `other`.
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

/**
 * The lockers' own log (`steward_audit`, older than the console) by the console's names, so a
 * day counts the same whichever log it came from. `code-lockout` is a worker's wrong pickup
 * codes, not a steward's act, and is not counted.
 */
const LOCKER_ACTION = `CASE action WHEN 'pin-lockout' THEN 'steward.pin-lockout' ELSE 'locker.' || action END`;

export function createStewardSummaries(db: Database): StewardSummaries | undefined {
  const tables = new Set(
    db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('steward_actions', 'steward_audit')").all().map((r) => r.name),
  );
  if (tables.size === 0) return undefined;
  // Since the console, every locker action is in steward_actions too (as locker.<action>) and
  // steward_audit only repeats it; before the console's first row, steward_audit is all there is.
  const consoleLog = tables.has('steward_actions')
    ? { rows: 'SELECT at_ms, action FROM steward_actions', since: '(SELECT min(at_ms) FROM steward_actions)' }
    : undefined;
  const lockers = tables.has('steward_audit')
    ? `SELECT at_ms, ${LOCKER_ACTION} AS action FROM steward_audit WHERE action <> 'code-lockout'${consoleLog ? ` AND at_ms < coalesce(${consoleLog.since}, 9e15)` : ''}`
    : undefined;
  const all = [consoleLog?.rows, lockers].filter((part) => part !== undefined).join(' UNION ALL ');
  const first = db.prepare<[], { at: number | null }>(`SELECT min(at_ms) AS at FROM (${all})`);
  const byAction = db.prepare<[number, number], { action: string; n: number }>(
    `SELECT action, count(*) AS n FROM (${all}) WHERE at_ms >= ? AND at_ms < ? GROUP BY action ORDER BY count(*) DESC, action`,
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
