/**
 * Test double of `StewardAccess` (the real one is the steward slice's): one known session
 * token signs in one steward, every other token is `forbidden`, and audit rows are recorded
 * with whether the caller was inside a database transaction at the time.
 */
import type { Database } from 'better-sqlite3';
import { err, ok } from '../../../common/result';
import type { AuditEntry, StewardAccess, StewardIdentity } from '../steward/steward-access';

export const TEST_STEWARD_SESSION = 'S'.repeat(32);
export const TEST_STEWARD: StewardIdentity = { stewardId: 1, name: 'Wang Li', role: 'cadre' };

export interface StewardAccessDouble extends StewardAccess {
  readonly audits: (AuditEntry & { readonly inTransaction: boolean })[];
}

export function createStewardAccessDouble(db: Database): StewardAccessDouble {
  const audits: StewardAccessDouble['audits'] = [];
  return {
    audits,
    authorise: (session) => (session === TEST_STEWARD_SESSION ? ok(TEST_STEWARD) : err('forbidden', 'Not signed in.')),
    audit: (entry) => {
      audits.push({ ...entry, inTransaction: db.inTransaction });
    },
  };
}
