/**
 * The card of a steward the district lists, as it travels from the collector to a station:
 * fleet pseudonyms, never the number (see `pulledCardSchema` in common/upstream-pull.ts).
 * The district's administrator computes them when setting the list (`npm run collector --
 * set-stewards FILE --fleet-key KEY`); a station recomputes them from a tap with its copy of
 * the fleet key. Unlike the unique-worker pseudonyms these do not rotate: a steward's card
 * must keep signing in from one month to the next.
 */
import { createHmac } from 'node:crypto';
import type { NormalisedCard } from '../../../hardware/card-id/card-id';
import { stewardCardHashes } from '../steward/steward-roster';

/** K = HMAC-SHA256(fleet key, "rest-station/steward-card/v1"). */
export function stewardCardKey(fleetKey: Buffer): Buffer {
  return createHmac('sha256', fleetKey).update('rest-station/steward-card/v1', 'utf8').digest();
}

/** HMAC-SHA256(K, canonical card id), base64url (43 characters). */
export function stewardCardPseudonym(cardKey: Buffer, canonical: string): string {
  return createHmac('sha256', cardKey).update(canonical, 'utf8').digest('base64url');
}

/** Both pseudonyms of a card, shaped like the pulled list's `card`. */
export function pulledCardOf(card: NormalisedCard, cardKey: Buffer): { hash: string; hash24: string | null } {
  const { cardHash, cardHash24 } = stewardCardHashes(card, (canonical) => stewardCardPseudonym(cardKey, canonical));
  return { hash: cardHash, hash24: cardHash24 };
}
