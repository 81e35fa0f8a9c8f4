/**
 * Emergency "open all": every locker in the layout, lowest number first, one lock at a time
 * through the same path as a remote open (so each door is watched and each failure recorded
 * as a fault). Lockers on an unreachable bus are reported, not tried.
 */
import type { OpenAllOutcome } from '../../../common/lockers';
import type { OpenOutcome } from '../../../hardware/drivers/locker-bus/locker-bus';
import type { LockerFleet } from './locker-fleet';
import type { LockerRecord } from './locker-store';

export interface OpenAllDeps {
  readonly lockers: readonly LockerRecord[];
  readonly fleet: LockerFleet;
  /** Opens one locker; null when it was busy (being opened by another call). */
  readonly openOne: (locker: LockerRecord) => Promise<OpenOutcome | null>;
}

export async function openAllLockers(deps: OpenAllDeps): Promise<OpenAllOutcome> {
  const opened: number[] = [];
  const failed: { lockerNumber: number; reason: string }[] = [];
  const boards = new Map<string, { bus: string; board: number; method: 'one-by-one' }>();
  for (const locker of [...deps.lockers].sort((a, b) => a.number - b.number)) {
    boards.set(`${locker.busId}/${locker.board}`, { bus: locker.busId, board: locker.board, method: 'one-by-one' });
    if (!deps.fleet.reachable(locker)) {
      failed.push({ lockerNumber: locker.number, reason: 'offline' });
      continue;
    }
    const outcome = await deps.openOne(locker);
    if (outcome?.ok) opened.push(locker.number);
    else failed.push({ lockerNumber: locker.number, reason: outcome === null ? 'busy' : outcome.reason });
  }
  return { opened, failed, boards: [...boards.values()] };
}
