/**
 * What the service knows about the lockers right now, beyond the database: which bus and
 * lock each number is, the last door reading of each, which boards stopped answering, and
 * which lockers are being opened this instant (so two claims never get the same one).
 */
import type { DeviceStatus } from '../../../common/domain';
import type { DoorReading, LockerBus } from '../../../hardware/drivers/locker-bus/locker-bus';
import type { LockerRecord } from './locker-store';

export interface DoorKnowledge {
  readonly closed: boolean;
  readonly itemPresent?: boolean;
}

export interface LockerFleet {
  readonly buses: readonly LockerBus[];
  bus(id: string): LockerBus | undefined;
  /** The locker number at a bus address, if the layout has one. */
  lockerAt(busId: string, board: number, lock: number): number | undefined;
  /** Records a reading; returns what was known before (undefined for a first reading). */
  recordDoor(number: number, reading: DoorReading): DoorKnowledge | undefined;
  door(number: number): DoorKnowledge | undefined;
  setBoardOnline(busId: string, board: number, online: boolean): void;
  /** The bus is configured and not offline, the board answers, and the layout entry was valid. */
  reachable(locker: LockerRecord): boolean;
  /** Marks a locker as being opened; false if it already is. */
  reserve(number: number): boolean;
  release(number: number): void;
  reserved(number: number): boolean;
  busStatus(): DeviceStatus[];
}

export function createLockerFleet(
  buses: readonly LockerBus[],
  layout: readonly { number: number; bus: string; board: number; lock: number }[],
  unreachable: ReadonlySet<number>,
): LockerFleet {
  const byAddress = new Map(layout.map((l) => [address(l.bus, l.board, l.lock), l.number]));
  const doors = new Map<number, DoorKnowledge>();
  const silentBoards = new Set<string>();
  const opening = new Set<number>();
  const busById = new Map(buses.map((b) => [b.id, b]));

  return {
    buses,
    bus: (id) => busById.get(id),
    lockerAt: (busId, board, lock) => byAddress.get(address(busId, board, lock)),
    recordDoor(number, reading) {
      const before = doors.get(number);
      doors.set(number, reading.itemPresent === undefined ? { closed: reading.closed } : { closed: reading.closed, itemPresent: reading.itemPresent });
      return before;
    },
    door: (number) => doors.get(number),
    setBoardOnline(busId, board, online) {
      if (online) silentBoards.delete(`${busId}/${board}`);
      else silentBoards.add(`${busId}/${board}`);
    },
    reachable(locker) {
      if (unreachable.has(locker.number)) return false;
      const bus = busById.get(locker.busId);
      return bus !== undefined && bus.state !== 'offline' && !silentBoards.has(`${locker.busId}/${locker.board}`);
    },
    reserve(number) {
      if (opening.has(number)) return false;
      opening.add(number);
      return true;
    },
    release: (number) => {
      opening.delete(number);
    },
    reserved: (number) => opening.has(number),
    busStatus: () =>
      buses.map((bus) => ({
        id: bus.id,
        kind: 'locker-bus' as const,
        name: bus.name,
        simulated: bus.simulated,
        state: bus.state,
        detail: bus.detail.slice(0, 500),
      })),
  };
}

function address(busId: string, board: number, lock: number): string {
  return `${busId}/${board}/${lock}`;
}
