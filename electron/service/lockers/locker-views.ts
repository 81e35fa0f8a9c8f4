/**
 * What the UI and stewards see of the lockers, computed from the stored rows and the live
 * fleet knowledge: availability per cable, the steward grid, and a held locker.
 */
import { CABLE_TYPES, type HeldLocker, type LockerAvailability, type LockerView } from '../../../common/lockers';
import type { ChargingClock } from './charging-clock';
import type { LockerFleet } from './locker-fleet';
import type { LockerRecord, SessionRecord } from './locker-store';

/** A locker a claim may use: enabled, working, reachable, free, not being opened. */
export function isFree(locker: LockerRecord, live: ReadonlyMap<number, SessionRecord>, fleet: LockerFleet): boolean {
  return locker.enabled && !locker.faulty && !live.has(locker.number) && !fleet.reserved(locker.number) && fleet.reachable(locker);
}

export function availability(
  lockers: readonly LockerRecord[],
  live: ReadonlyMap<number, SessionRecord>,
  fleet: LockerFleet,
  maxMinutes: number,
  doorsLeftOpen: readonly number[],
  charging: ChargingClock,
): LockerAvailability {
  const free = CABLE_TYPES.map((cable) => {
    const count = lockers.filter((l) => l.cable === cable && isFree(l, live, fleet)).length;
    const due = nextDue(lockers.filter((l) => l.cable === cable), live, charging);
    return due === null ? { cable, count } : { cable, count, nextDueAtMs: due };
  });
  const base = { free, maxMinutes, doorsLeftOpen: [...doorsLeftOpen] };
  if (lockers.length === 0) return { state: 'none', ...base };
  if (!lockers.some((l) => fleet.reachable(l))) return { state: 'offline', ...base };
  return { state: free.some((f) => f.count > 0) ? 'ready' : 'full', ...base };
}

/** When the soonest charging session in these lockers is due: a worker can be told when to come back. */
function nextDue(lockers: readonly LockerRecord[], live: ReadonlyMap<number, SessionRecord>, charging: ChargingClock): number | null {
  const due = lockers.flatMap((l) => {
    const session = live.get(l.number);
    return session?.state === 'charging' ? [charging.dueAtMs(session)] : [];
  });
  return due.length === 0 ? null : Math.min(...due);
}

export function lockerView(locker: LockerRecord, session: SessionRecord | undefined, fleet: LockerFleet, charging: ChargingClock): LockerView {
  const reachable = fleet.reachable(locker);
  const door = reachable ? fleet.door(locker.number) : undefined;
  return {
    lockerNumber: locker.number,
    cable: locker.cable,
    state: viewState(locker, session, reachable),
    doorClosed: door?.closed ?? null,
    itemPresent: door?.itemPresent ?? null,
    session: session
      ? {
          sessionId: session.id,
          holder: session.holder,
          startedAtMs: session.startedMs,
          dueAtMs: charging.dueAtMs(session),
          overdue: charging.overdue(session),
          ...doorOpenSince(session, door?.closed),
        }
      : null,
  };
}

/** When the session's door was opened, while the last reading says it is still open. */
function doorOpenSince(session: SessionRecord, closed: boolean | undefined): { doorOpenSinceMs?: number } {
  if (closed !== false) return {};
  const since = session.state === 'claimed' ? session.claimedMs : session.state === 'retrieving' ? session.retrieveOpenedMs : null;
  return since === null ? {} : { doorOpenSinceMs: since };
}

/** A live session shows first (a phone may be inside), then disabled, faulty, offline. */
function viewState(locker: LockerRecord, session: SessionRecord | undefined, reachable: boolean): LockerView['state'] {
  if (session && session.state !== 'ended') return session.state;
  if (!locker.enabled) return 'disabled';
  if (locker.faulty) return 'faulty';
  if (!reachable) return 'offline';
  return 'free';
}

export function heldLocker(session: SessionRecord, charging: ChargingClock): HeldLocker {
  return { sessionId: session.id, lockerNumber: session.lockerNumber, startedAtMs: session.startedMs, dueAtMs: charging.dueAtMs(session) };
}
