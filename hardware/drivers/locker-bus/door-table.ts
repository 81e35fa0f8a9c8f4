import type { DoorReading } from './locker-bus';

/**
 * Last known reading of every lock on one bus. `record` keeps the newest time of every
 * reading but reports a change only when the door or the item sensor differs, or when the
 * lock is read for the first time.
 */
export class DoorTable {
  private readonly readings = new Map<string, DoorReading>();

  constructor(private readonly busId: string) {}

  /** Stores the reading; returns it when it is news (first reading or a change), else undefined. */
  record(board: number, lock: number, closed: boolean, itemPresent: boolean | undefined, atMs: number): DoorReading | undefined {
    const key = `${board}:${lock}`;
    const previous = this.readings.get(key);
    const reading: DoorReading = itemPresent === undefined
      ? { busId: this.busId, board, lock, closed, atMs }
      : { busId: this.busId, board, lock, closed, itemPresent, atMs };
    this.readings.set(key, reading);
    const changed = previous === undefined || previous.closed !== closed || previous.itemPresent !== itemPresent;
    return changed ? reading : undefined;
  }

  /** Item sensor of the last reading, for reports that carry only the door. */
  itemPresent(board: number, lock: number): boolean | undefined {
    return this.readings.get(`${board}:${lock}`)?.itemPresent;
  }

  /** Every lock read so far, by board then lock. */
  all(): DoorReading[] {
    return [...this.readings.values()].sort((a, b) => a.board - b.board || a.lock - b.lock);
  }
}
