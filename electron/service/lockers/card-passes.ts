/**
 * Card passes: proof that a card was just tapped at this kiosk, handed to the UI with the
 * check-in outcome and shown back to claim or open a locker. Random (128 bits from the OS
 * CSPRNG), bound to one stored card, valid for a limited time, held only in memory: a
 * restart voids them all, and no pass ever reaches the disk.
 */
import { randomBytes } from 'node:crypto';

/** Most passes held at once; the oldest are dropped first. Bounds memory under a tap storm. */
export const MAX_LIVE_PASSES = 512;

export interface CardPasses {
  /** A fresh pass for the card (by `cards.id`), valid for the configured lifetime. */
  issue(cardId: number): string;
  /** The card a live pass belongs to, or null (unknown, expired or spent). */
  resolve(pass: string): number | null;
  /** Spends a pass: it opens no door again. */
  spend(pass: string): void;
  /** Voids every pass: another card was tapped, so whoever held them has left the screen. */
  revokeAll(): void;
  /** Passes currently held (expired ones may linger until the next issue). */
  readonly size: number;
}

export function createCardPasses(options: { now: () => number; lifetimeMs: number }): CardPasses {
  const { now, lifetimeMs } = options;
  // Map keeps insertion order, so the first entries are the oldest.
  const passes = new Map<string, { cardId: number; expiresMs: number }>();

  const prune = (atMs: number) => {
    for (const [pass, entry] of passes) {
      if (entry.expiresMs > atMs && passes.size < MAX_LIVE_PASSES) break;
      passes.delete(pass);
    }
  };

  return {
    issue(cardId) {
      const atMs = now();
      prune(atMs);
      const pass = randomBytes(16).toString('hex');
      passes.set(pass, { cardId, expiresMs: atMs + lifetimeMs });
      return pass;
    },
    resolve(pass) {
      const entry = passes.get(pass);
      if (!entry) return null;
      const atMs = now();
      // A clock that went back by more than the lifetime also voids the pass.
      if (atMs >= entry.expiresMs || atMs < entry.expiresMs - lifetimeMs) {
        passes.delete(pass);
        return null;
      }
      return entry.cardId;
    },
    spend(pass) {
      passes.delete(pass);
    },
    revokeAll() {
      passes.clear();
    },
    get size() {
      return passes.size;
    },
  };
}
