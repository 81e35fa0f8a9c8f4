/**
 * Releases claims whose door was never shut on a phone: after `releaseMs` from the claim, a
 * session still `claimed` ends as `abandoned` with a `claim-released` event row, and the
 * locker is free again. Without this, doors opened and walked away from stay "claimed" for
 * ever and, a few at a time, fill the wall. Timers live in memory; after a restart the
 * caller watches every live claim again and the time counts from the stored claim time.
 */
import type { Clock } from '../../../hardware/drivers/clock';
import type { LockerStore, SessionRecord } from './locker-store';

export interface ClaimReleaseDeps {
  readonly store: LockerStore;
  readonly clock: Clock;
  /** From the claim to its release, ms. */
  readonly releaseMs: number;
  /** After the release is committed: tell the screens. */
  readonly onReleased: (session: SessionRecord) => void;
  readonly onError: (message: string) => void;
}

export interface ClaimRelease {
  /** Starts the release timer of a claimed session (no-op for one already watched). */
  watch(session: Pick<SessionRecord, 'id' | 'claimedMs'>): void;
  /**
   * Drops the timer of a session that is no longer claimed (its door shut and it charges, or
   * it ended): it has nothing left to release, and a station runs thousands of sessions
   * between restarts. No-op for one not watched.
   */
  settle(sessionId: number): void;
  /** Clears every timer. Idempotent. */
  detach(): void;
}

export function createClaimRelease(deps: ClaimReleaseDeps): ClaimRelease {
  const { store, clock } = deps;
  const timers = new Map<number, unknown>();

  const release = (id: number) => {
    timers.delete(id);
    try {
      const session = store.session(id);
      // Shut (charging), collected or ended by a steward meanwhile: nothing to release.
      if (session?.state !== 'claimed') return;
      const atMs = clock.now();
      store.transaction(() => {
        store.endSession(id, atMs, 'abandoned');
        store.insertEvent(
          { kind: 'claim-released', lockerNumber: session.lockerNumber, sessionId: id, detail: { claimedSeconds: Math.round(clamp(atMs - session.claimedMs, 0, deps.releaseMs) / 1000) } },
          atMs,
        );
      });
      deps.onReleased(session);
    } catch (error) {
      deps.onError(`lockers: releasing claim ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return {
    watch(session) {
      if (timers.has(session.id)) return;
      // Clamped: after a restart with the wall clock set back (a lost RTC) or jumped ahead, the
      // claim still goes free within releaseMs, never a year later and never before the timer runs.
      const delay = clamp(session.claimedMs + deps.releaseMs - clock.now(), 0, deps.releaseMs);
      timers.set(session.id, clock.setTimeout(() => release(session.id), delay));
    },
    settle(sessionId) {
      const timer = timers.get(sessionId);
      if (timer === undefined) return;
      clock.clearTimeout(timer);
      timers.delete(sessionId);
    },
    detach() {
      for (const timer of timers.values()) clock.clearTimeout(timer);
      timers.clear();
    },
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
