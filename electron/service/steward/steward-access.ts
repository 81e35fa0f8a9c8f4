/**
 * What every steward-only capability (console sections, wish moderation) needs from the
 * steward slice: who is signed in for a session token, and an audit log to write to. The
 * steward service implements it; other services take it as a dependency, so none of them
 * sees a PIN.
 */
import type { Result } from '../../../common/result';
import type { StewardRole } from '../../../common/steward-session';

/** The signed-in steward a session belongs to. */
export interface StewardIdentity {
  /** Row id in the station's steward list. */
  readonly stewardId: number;
  readonly name: string;
  readonly role: StewardRole;
}

/** One audited steward action. */
export interface AuditEntry {
  readonly steward: StewardIdentity;
  /** Dotted action name, e.g. `locker.open`, `supplies.restock`, `wish.hide`. */
  readonly action: string;
  /** What it was done to, e.g. `locker 7`, `wish 1203`; null when the station itself. */
  readonly subject: string | null;
  /** Why, in the steward's words; null where the action asks for no reason. */
  readonly reason: string | null;
}

export interface StewardAccess {
  /**
   * The steward signed in with this session token, and the session's idle timer restarted.
   * `forbidden` for an unknown, expired or signed-out session (nothing else is revealed).
   */
  authorise(session: string): Result<StewardIdentity>;
  /**
   * Writes one audit row (time from the service's clock). Synchronous, on the station
   * database, so a caller inside a transaction audits in that same transaction.
   */
  audit(entry: AuditEntry): void;
}
