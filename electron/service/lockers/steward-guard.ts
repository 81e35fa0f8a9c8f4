/**
 * Checks the steward PIN for locker actions, and lets the first steward set one.
 *
 * The PIN comes from station.json (`stewardPin`) or, once set on the kiosk, from its scrypt
 * hash in the station's PIN store. While neither exists the station has no steward yet: it
 * makes a one-time setup code (8 digits, memory only, new at every start), hands it to
 * `onSetupCode` for the station's console, and every PIN is refused with a plain "not set up"
 * answer that does not count towards the lockout. Wrong PINs and wrong setup codes count
 * towards one lockout (during which even the right one is refused); its start is audited.
 */
import { createHmac, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';
import { err, type Err } from '../../../common/result';
import type { AttemptLimiter } from './attempt-limiter';
import type { StewardPinStore } from './steward-pin-store';

/** Digits of the one-time setup code. */
export const STEWARD_SETUP_CODE_LENGTH = 8;

/** scrypt cost: 2^14 × 8 × 1 (≈ 16 MiB, a few tens of ms), the Node defaults, written down. */
const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32 } as const;

export const NOT_SET_UP = 'No steward PIN is set on this station yet: enter the setup code from the station console to choose one.';

export interface StewardGuard {
  /** null when the PIN is right; otherwise the `forbidden` answer to give. */
  check(pin: string): Err | null;
  /** True while no PIN exists and a setup code is waiting. */
  needsSetup(): boolean;
  /**
   * Sets the first PIN with the setup code. null when done (the code is then spent);
   * `forbidden` for a wrong code or a station that already has a PIN.
   */
  setUp(setupCode: string, pin: string): Err | null;
}

export interface StewardGuardOptions {
  /** The PIN from station.json, if any; it wins over a stored one. */
  readonly configuredPin: string | null;
  readonly store: StewardPinStore;
  readonly limiter: AttemptLimiter;
  readonly onLockout: () => void;
  /** Called once at start with the setup code when the station has no PIN. */
  readonly onSetupCode: (code: string) => void;
  /** Called after the first PIN was set on the kiosk (for the station console). */
  readonly onSetUp: () => void;
}

export function createStewardGuard(options: StewardGuardOptions): StewardGuard {
  const { limiter, store } = options;
  let hash: string | null = options.configuredPin === null ? store.load() : hashStewardPin(options.configuredPin);
  let setupCode: string | null = null;
  if (hash === null) {
    setupCode = String(randomInt(0, 10 ** STEWARD_SETUP_CODE_LENGTH)).padStart(STEWARD_SETUP_CODE_LENGTH, '0');
    options.onSetupCode(setupCode);
  }
  // The steward panel re-sends its PIN every few seconds; scrypt each time would stall the
  // service's event loop, so a PIN once verified is remembered as an HMAC under a boot key.
  const bootKey = randomBytes(32);
  let verified: Buffer | null = null;
  const mac = (s: string) => createHmac('sha256', bootKey).update(s, 'utf8').digest();

  /** Counts a wrong guess; the answer to give for it. */
  const refuse = (what: string): Err => {
    const verdict = limiter.fail();
    if (verdict.kind === 'wrong') return err('forbidden', `Wrong ${what}; ${verdict.attemptsLeft} tries left.`);
    if (verdict.justLocked) options.onLockout();
    return err('forbidden', `Too many wrong PINs; try again in ${verdict.retryAfterSeconds} s.`);
  };
  const lockedOut = (): Err | null => {
    const state = limiter.check();
    return state.kind === 'locked-out' ? err('forbidden', `Too many wrong PINs; try again in ${state.retryAfterSeconds} s.`) : null;
  };

  return {
    check(given) {
      if (hash === null) return err('forbidden', NOT_SET_UP);
      const locked = lockedOut();
      if (locked) return locked;
      const right = verified !== null ? timingSafeEqual(mac(given), verified) : verifyStewardPin(given, hash);
      if (!right) return refuse('PIN');
      verified = mac(given);
      limiter.succeed();
      return null;
    },
    needsSetup: () => hash === null,
    setUp(givenCode, pin) {
      if (hash !== null || setupCode === null) return err('forbidden', 'This station already has a steward PIN.');
      const locked = lockedOut();
      if (locked) return locked;
      if (!sameText(givenCode, setupCode)) return refuse('setup code');
      const encoded = hashStewardPin(pin);
      store.save(encoded);
      hash = encoded;
      setupCode = null;
      verified = mac(pin);
      limiter.succeed();
      options.onSetUp();
      return null;
    },
  };
}

/** `scrypt$N$r$p$salt$hash` (hex), a fresh 16-byte salt each time. */
export function hashStewardPin(pin: string): string {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT;
  const derived = scryptSync(pin, salt, keyLength, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('hex'), derived.toString('hex')].join('$');
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

/** Compares digests so the time taken says nothing about how much of the code was right. */
function sameText(a: string, b: string): boolean {
  const digest = (s: string) => createHmac('sha256', 'steward-setup').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
