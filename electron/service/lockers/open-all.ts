/**
 * Emergency "open all", board by board (lowest locker number first). A board whose firmware
 * takes the board-wide command (devices.json `openAll`, default true) gets that one command;
 * the lockers it left shut, and every locker of a board without the command or whose command
 * went unanswered, are then opened one lock at a time through the same path as a remote open
 * (so each door is watched and each failure recorded as a fault). Lockers on an unreachable
 * bus or board are reported, not tried.
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
  /** Records a locker the board command opened (its event and door watch), as `openOne` does for its own. */
  readonly openedByBoard: (locker: LockerRecord, elapsedMs: number) => Promise<void>;
}

type Method = OpenAllOutcome['boards'][number]['method'];
/** What a board command did: the lockers it opened and those it left shut, or no answer. */
type BoardCommand = { readonly opened: LockerRecord[]; readonly left: LockerRecord[]; readonly unanswered?: undefined } | { readonly opened?: undefined; readonly left?: undefined; readonly unanswered: true };

export async function openAllLockers(deps: OpenAllDeps): Promise<OpenAllOutcome> {
  const opened: number[] = [];
  const failed: { lockerNumber: number; reason: string }[] = [];
  const boards: OpenAllOutcome['boards'][number][] = [];
  for (const group of byBoard(deps.lockers)) {
    const first = group[0];
    if (first === undefined) continue;
    const reachable = group.filter((locker) => deps.fleet.reachable(locker));
    for (const locker of group) if (!reachable.includes(locker)) failed.push({ lockerNumber: locker.number, reason: 'offline' });
    const byCommand = await openByBoardCommand(deps, first, reachable);
    const method: Method = byCommand?.opened ? 'board-command' : 'one-by-one';
    boards.push({ bus: first.busId, board: first.board, method, commandUnanswered: byCommand?.unanswered === true, lockers: group.map((l) => l.number) });
    for (const locker of byCommand?.opened ?? []) opened.push(locker.number);
    for (const locker of byCommand?.left ?? reachable) {
      const outcome = await deps.openOne(locker);
      if (outcome?.ok) opened.push(locker.number);
      else failed.push({ lockerNumber: locker.number, reason: outcome === null ? 'busy' : outcome.reason });
    }
  }
  return { opened: opened.sort((a, b) => a - b), failed: failed.sort((a, b) => a.lockerNumber - b.lockerNumber), boards };
}

/**
 * The board's own command; undefined when the board lacks it, `unanswered` when it went
 * unanswered (either way: one lock at a time).
 */
async function openByBoardCommand(
  deps: OpenAllDeps,
  first: LockerRecord,
  reachable: readonly LockerRecord[],
): Promise<BoardCommand | undefined> {
  const bus = deps.fleet.bus(first.busId);
  if (!bus || reachable.length === 0 || bus.boards.find((b) => b.address === first.board)?.openAll !== true) return undefined;
  // Held like a remote open, so no claim is handed one of these doors while the board pulses them.
  const held = reachable.filter((locker) => deps.fleet.reserve(locker.number));
  const outcome = await bus.openBoard(first.board).finally(() => held.forEach((locker) => deps.fleet.release(locker.number)));
  if (!outcome.ok) return { unanswered: true };
  const openLocks = new Set(outcome.opened);
  const opened = reachable.filter((locker) => openLocks.has(locker.lock));
  for (const locker of opened) await deps.openedByBoard(locker, outcome.elapsedMs);
  return { opened, left: reachable.filter((locker) => !openLocks.has(locker.lock)) };
}

/** Lockers grouped by bus and board, each group and the groups in locker-number order. */
function byBoard(lockers: readonly LockerRecord[]): LockerRecord[][] {
  const groups = new Map<string, LockerRecord[]>();
  for (const locker of [...lockers].sort((a, b) => a.number - b.number)) {
    const key = `${locker.busId}/${locker.board}`;
    const group = groups.get(key) ?? [];
    group.push(locker);
    groups.set(key, group);
  }
  return [...groups.values()];
}
