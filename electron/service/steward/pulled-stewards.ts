/**
 * The district's stewards, pulled from the collector (kind `stewards`), in the steward list
 * as `source = 'upstream'`. Their cards are fleet pseudonyms (steward-card-pseudonym.ts),
 * matched against a tap with the station's fleet key; the PIN is the same scrypt format as
 * stewards.json's. A download makes the pulled stewards exactly the document's: a new card is
 * added, a known one updated, one no longer listed made inactive (kept for the audit log).
 * Stewards from stewards.json, the setup steward and the legacy PIN are never touched.
 */
import type { Database } from 'better-sqlite3';
import type { PulledStewards } from '../../../common/upstream-pull';
import { createStewardStore, type NewSteward } from './steward-store';

export interface PulledStewardsStore {
  /** Inside the caller's transaction; throws (so nothing applies) on a list the table refuses. */
  apply(document: PulledStewards, atMs: number): void;
}

export function createPulledStewards(db: Database): PulledStewardsStore {
  const store = createStewardStore(db);
  return {
    apply(document, atMs) {
      const existing = store.all().filter((s) => s.source === 'upstream');
      const byCard = new Map(existing.map((s) => [s.cardHash, s]));
      const kept = new Set<number>();
      for (const s of document.stewards) {
        const steward: NewSteward = { name: s.name, role: s.role, cardHash: s.card.hash, cardHash24: s.card.hash24, pinHash: s.pinHash, source: 'upstream' };
        const row = byCard.get(steward.cardHash);
        if (row) {
          store.update(row.id, steward);
          kept.add(row.id);
        } else {
          kept.add(store.insert(steward, atMs).id);
        }
      }
      for (const row of existing) if (!kept.has(row.id) && row.active) store.setActive(row.id, false);
    },
  };
}
