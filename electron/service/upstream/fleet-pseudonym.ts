/**
 * Fleet pseudonyms: what a station puts into its unique-worker sketch instead of a card id.
 * HMAC-SHA256 of the canonical card id under a key derived from the fleet key and the local
 * calendar month, so every station of the fleet gives one worker the same pseudonym within a
 * month (the collector can merge their sketches) and a new, unlinkable one the next month.
 * The pseudonym itself never leaves the station; only the sketch's registers do.
 */
import { createHmac } from 'node:crypto';
import { periodContaining } from './periods';

/** The rotation period of `atMs`: the station's local month, `YYYY-MM`. */
export function pseudonymPeriod(atMs: number): string {
  return periodContaining('day', atMs).label.slice(0, 7);
}

/** The month's key: HMAC-SHA256(fleet key, "rest-station/fleet-pseudonym/v1/<YYYY-MM>"). */
export function periodPseudonymKey(fleetKey: Buffer, period: string): Buffer {
  return createHmac('sha256', fleetKey).update(`rest-station/fleet-pseudonym/v1/${period}`, 'utf8').digest();
}

/** 32 bytes, uniform: a sketch element (see common/hyperloglog.ts). */
export function fleetPseudonym(periodKey: Buffer, canonicalCardId: string): Buffer {
  return createHmac('sha256', periodKey).update(canonicalCardId, 'utf8').digest();
}
