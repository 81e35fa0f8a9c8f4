/**
 * Test double of the steward slice's access (sign-in arrives with that slice): a fixed
 * table of session tokens, and audit rows written to a `test_audit` table of the same
 * database, so a test sees whether an audit shared the change's transaction.
 */
import type { Database } from 'better-sqlite3';
import { err, ok } from '../../../../common/result';
import type { AuditEntry, StewardAccess, StewardIdentity } from '../steward-access';

export const TEST_SESSION = 'S'.repeat(32);

export interface StewardAccessDouble extends StewardAccess {
  /** Audit rows written so far (committed ones only). */
  audits(): { action: string; subject: string | null; steward_id: number; reason: string | null }[];
  /** When set, the next audit throws (a failing audit must undo its change). */
  failNextAudit: boolean;
  /** Ends every session. */
  signOut(): void;
}

export function stewardAccessDouble(db: Database, steward: StewardIdentity = { stewardId: 1, name: '王芳', role: 'cadre' }): StewardAccessDouble {
  db.exec('CREATE TABLE IF NOT EXISTS test_audit (id INTEGER PRIMARY KEY, steward_id INTEGER, action TEXT, subject TEXT, reason TEXT)');
  const insert = db.prepare('INSERT INTO test_audit (steward_id, action, subject, reason) VALUES (?, ?, ?, ?)');
  let signedIn = true;
  const access: StewardAccessDouble = {
    failNextAudit: false,
    authorise: (session) => (signedIn && session === TEST_SESSION ? ok(steward) : err('forbidden', 'No steward is signed in.')),
    audit(entry: AuditEntry) {
      if (access.failNextAudit) {
        access.failNextAudit = false;
        throw new Error('audit failed');
      }
      insert.run(entry.steward.stewardId, entry.action, entry.subject, entry.reason);
    },
    audits: () => db.prepare('SELECT action, subject, steward_id, reason FROM test_audit ORDER BY id').all() as { action: string; subject: string | null; steward_id: number; reason: string | null }[],
    signOut: () => {
      signedIn = false;
    },
  };
  return access;
}
