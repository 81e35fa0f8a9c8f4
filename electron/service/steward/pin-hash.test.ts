import { describe, expect, it } from 'vitest';
import { hashStewardPin, isStewardPinHash, verifyStewardPin } from './pin-hash';

describe('steward PIN hashing', () => {
  it('stores scrypt with a fresh salt and verifies only the same PIN', () => {
    const a = hashStewardPin('2468');
    const b = hashStewardPin('2468');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(isStewardPinHash(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain('2468');
    expect(verifyStewardPin('2468', a)).toBe(true);
    expect(verifyStewardPin('2469', a)).toBe(false);
    for (const broken of ['', 'plain:2468', 'scrypt$0$8$1$00$00', 'scrypt$16384$8$1$zz$zz', 'scrypt$16384$8$1']) {
      expect(verifyStewardPin('2468', broken), broken).toBe(false);
      expect(isStewardPinHash(broken), broken).toBe(false);
    }
  });
});
