/**
 * Lock-board commissioning: which bit value means "door shut" on each board. Boards differ
 * (and some are wired the other way), so the installer shuts every door and scans: a board
 * whose doors all read shut under `closed-is-set` is `closed-is-set`, one whose doors all
 * read open is `open-is-set`, and a mix means a door is not shut (or a sensor is broken).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { LockReading } from '../lockers/locker-protocol';

export type Polarity = 'closed-is-set' | 'open-is-set';

export type PolarityFinding =
  | { readonly kind: 'found'; readonly polarity: Polarity }
  /** Locks (1-based) that disagree with the majority: open those doors' sensors or shut them. */
  | { readonly kind: 'mixed'; readonly odd: readonly number[] };

/** From door readings taken as `closed-is-set` with every door shut. */
export function findPolarity(locks: readonly LockReading[]): PolarityFinding {
  const shut = locks.filter((l) => l.closed).map((l) => l.lock);
  const open = locks.filter((l) => !l.closed).map((l) => l.lock);
  if (open.length === 0) return { kind: 'found', polarity: 'closed-is-set' };
  if (shut.length === 0) return { kind: 'found', polarity: 'open-is-set' };
  return { kind: 'mixed', odd: shut.length <= open.length ? shut : open };
}

export interface BoardPolarity {
  readonly address: number;
  readonly channels: number;
  readonly polarity: Polarity;
}

/**
 * Writes each board's polarity (and size) into bus `busId` of the devices.json at `path`,
 * adding boards not listed; the other fields and buses are kept. Written to a temp file and
 * renamed, so a power cut leaves the old file or the new one. Throws when the file or bus is
 * missing.
 */
export function writeBoardPolarities(path: string, busId: string, boards: readonly BoardPolarity[]): void {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { lockerBuses?: { id?: unknown; boards?: { address: number; channels?: number; polarity?: string }[] }[] };
  const bus = json.lockerBuses?.find((b) => b.id === busId);
  if (!bus) throw new Error(`${path} has no locker bus "${busId}" (its lockerBuses[].id)`);
  const listed = bus.boards ?? [];
  for (const board of boards) {
    const entry = listed.find((b) => b.address === board.address);
    if (entry) Object.assign(entry, { channels: board.channels, polarity: board.polarity });
    else listed.push({ address: board.address, channels: board.channels, polarity: board.polarity });
  }
  bus.boards = listed.sort((a, b) => a.address - b.address);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}
