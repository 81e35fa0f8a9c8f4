/**
 * Steward PINs are kept only as slow salted hashes: scrypt from node:crypto, encoded as
 * `scrypt$N$r$p$salt$hash` (hex) so the cost can be raised later without breaking old rows.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt cost: 2^14 × 8 × 1 (≈ 16 MiB, a few tens of ms), the Node defaults, written down. */
const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32 } as const;

/** A fresh 16-byte salt each time. */
export function hashStewardPin(pin: string): string {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT;
  const derived = scryptSync(pin, salt, keyLength, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('hex'), derived.toString('hex')].join('$');
}

/** Whether `encoded` looks like a hash {@link hashStewardPin} wrote (not whether any PIN matches). */
export function isStewardPinHash(encoded: string): boolean {
  return /^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[0-9a-f]{32}\$[0-9a-f]{64}$/.test(encoded);
}

/** Whether `pin` matches an encoded hash; false for anything malformed (never throws). */
export function verifyStewardPin(pin: string, encoded: string): boolean {
  const [kind, n, r, p, saltHex, hashHex] = encoded.split('$');
  if (kind !== 'scrypt' || !saltHex || !hashHex || !/^[0-9a-f]+$/.test(saltHex + hashHex)) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hashHex, 'hex');
  try {
    const derived = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length, { ...params, maxmem: 64 * 1024 * 1024 });
    return timingSafeEqual(derived, expected);
  } catch {
    return false;
  }
}
