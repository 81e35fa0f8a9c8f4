/**
 * Checks the steward PIN for locker actions. No PIN configured refuses everything; wrong
 * PINs count towards a lockout (during which even the right PIN is refused), and the start
 * of a lockout is written to the steward audit log.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { err, type Err } from '../../../common/result';
import type { AttemptLimiter } from './attempt-limiter';

export interface StewardGuard {
  /** null when the PIN is right; otherwise the `forbidden` answer to give. */
  check(pin: string): Err | null;
}

export function createStewardGuard(options: {
  pin: string | null;
  limiter: AttemptLimiter;
  onLockout: () => void;
}): StewardGuard {
  const { pin, limiter } = options;
  return {
    check(given) {
      if (pin === null) return err('forbidden', 'Steward locker actions are off: station.json sets no stewardPin.');
      const state = limiter.check();
      if (state.kind === 'locked-out') return err('forbidden', `Too many wrong PINs; try again in ${state.retryAfterSeconds} s.`);
      if (samePin(given, pin)) {
        limiter.succeed();
        return null;
      }
      const verdict = limiter.fail();
      if (verdict.kind === 'wrong') return err('forbidden', `Wrong PIN; ${verdict.attemptsLeft} tries left.`);
      if (verdict.justLocked) options.onLockout();
      return err('forbidden', `Too many wrong PINs; try again in ${verdict.retryAfterSeconds} s.`);
    },
  };
}

/** Compares digests so the time taken says nothing about how much of the PIN was right. */
function samePin(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
