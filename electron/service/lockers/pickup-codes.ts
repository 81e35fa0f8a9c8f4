/**
 * Guest pickup codes: 6 random digits from the OS CSPRNG (uniform, no modulo bias). Only a
 * keyed hash is stored, so a copy of the database does not reveal live codes.
 */
import { createHmac, randomInt } from 'node:crypto';

/** Keyed hash of a pickup code (64 hex). Prefixed so it can never equal a card hash. */
export function hashPickupCode(key: Buffer, code: string): string {
  return createHmac('sha256', key).update(`P:${code}`, 'utf8').digest('hex');
}

/** A random 6-digit code, leading zeros kept. */
export function randomPickupCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/**
 * A code whose hash `isLive` does not know. With at most a few hundred live sessions among
 * a million codes a clash is rare; the bound keeps a broken `isLive` from looping forever.
 */
export function uniquePickupCode(key: Buffer, isLive: (hash: string) => boolean, random = randomPickupCode): { code: string; hash: string } {
  for (let i = 0; i < 100; i += 1) {
    const code = random();
    const hash = hashPickupCode(key, code);
    if (!isLive(hash)) return { code, hash };
  }
  throw new Error('Could not find a pickup code that is not in use');
}
