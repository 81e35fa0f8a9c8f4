/**
 * Steward sessions: a random token per sign-in, held only in memory (so a restart signs
 * everybody out), that dies after `idleMs` without a steward call. One kiosk, one console:
 * a new sign-in ends any session still open.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../hardware/drivers/clock';
import type { StewardIdentity } from './steward-access';

export type SessionEnd = 'signed-out' | 'idle' | 'worker-tap' | 'replaced' | 'shutdown';

export interface StewardSessions {
  /** A new session for `who`; earlier ones end as `replaced`. */
  start(who: StewardIdentity): string;
  /** The steward of a live session, its idle timer restarted; null otherwise. */
  touch(token: string): StewardIdentity | null;
  /** Ends one session; the steward it belonged to, or null when it was not live. */
  end(token: string, why: SessionEnd): StewardIdentity | null;
  /** Ends every session. */
  endAll(why: SessionEnd): void;
  /** Whether any session is live. */
  readonly live: () => boolean;
}

/** 24 random bytes as 32 base64url characters (see `stewardSessionSchema`). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function createStewardSessions(options: {
  readonly clock: Clock;
  readonly idleMs: number;
  /** Every end, including idle expiry (from a timer). */
  readonly onEnd: (who: StewardIdentity, why: SessionEnd) => void;
}): StewardSessions {
  const { clock, idleMs } = options;
  const sessions = new Map<string, { who: StewardIdentity; timer: unknown }>();
  const arm = (token: string) => clock.setTimeout(() => end(token, 'idle'), idleMs);
  function end(token: string, why: SessionEnd): StewardIdentity | null {
    const session = sessions.get(token);
    if (!session) return null;
    clock.clearTimeout(session.timer);
    sessions.delete(token);
    options.onEnd(session.who, why);
    return session.who;
  }
  const endAll = (why: SessionEnd) => {
    for (const token of [...sessions.keys()]) end(token, why);
  };
  return {
    start(who) {
      endAll('replaced');
      const token = newToken();
      sessions.set(token, { who, timer: arm(token) });
      return token;
    },
    touch(token) {
      const session = sessions.get(token);
      if (!session) return null;
      clock.clearTimeout(session.timer);
      session.timer = arm(token);
      return session.who;
    },
    end,
    endAll,
    live: () => sessions.size > 0,
  };
}
