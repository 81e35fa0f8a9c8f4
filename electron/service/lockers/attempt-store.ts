/**
 * Wrong-guess counts in SQLite (`attempt_limits`, migration 0003), one row per scope and
 * target: the steward PIN is target 0, pickup codes are counted per locker number.
 */
import type { Database } from 'better-sqlite3';
import { FRESH_ATTEMPTS, type AttemptState, type AttemptStateStore } from './attempt-limiter';

export type AttemptScope = 'steward-pin' | 'pickup-code' | 'steward-setup';

/** The steward PIN's target: there is one PIN per station. */
export const STEWARD_PIN_TARGET = 0;

export interface AttemptRecords {
  /** The state of one target; each `save` is its own committed write. */
  of(scope: AttemptScope, target: number): AttemptStateStore;
  /** Forgets a target's failures and lockout. True when there was something to forget. */
  clear(scope: AttemptScope, target: number): boolean;
  /** Whether the target is locked out at `atMs`. */
  lockedOut(scope: AttemptScope, target: number, atMs: number): boolean;
}

interface Row {
  failures: number;
  lockouts: number;
  locked_at_ms: number | null;
  locked_until_ms: number | null;
}

export function createAttemptRecords(db: Database): AttemptRecords {
  const select = db.prepare<[AttemptScope, number], Row>(
    'SELECT failures, lockouts, locked_at_ms, locked_until_ms FROM attempt_limits WHERE scope = ? AND target = ?',
  );
  const upsert = db.prepare<[AttemptScope, number, number, number, number | null, number | null]>(
    `INSERT INTO attempt_limits (scope, target, failures, lockouts, locked_at_ms, locked_until_ms) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (scope, target) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts,
       locked_at_ms = excluded.locked_at_ms, locked_until_ms = excluded.locked_until_ms`,
  );
  const remove = db.prepare<[AttemptScope, number]>('DELETE FROM attempt_limits WHERE scope = ? AND target = ?');

  const load = (scope: AttemptScope, target: number): AttemptState => {
    const row = select.get(scope, target);
    if (!row) return FRESH_ATTEMPTS;
    return { failures: row.failures, lockouts: row.lockouts, lockedAtMs: row.locked_at_ms, lockedUntilMs: row.locked_until_ms };
  };

  return {
    of(scope, target) {
      return {
        load: () => load(scope, target),
        save: (s) => void upsert.run(scope, target, s.failures, s.lockouts, s.lockedAtMs, s.lockedUntilMs),
      };
    },
    clear: (scope, target) => remove.run(scope, target).changes > 0,
    lockedOut(scope, target, atMs) {
      const { lockedAtMs, lockedUntilMs } = load(scope, target);
      return lockedUntilMs !== null && atMs < lockedUntilMs && atMs >= (lockedAtMs ?? 0);
    },
  };
}
