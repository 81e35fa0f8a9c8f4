/**
 * The station's unique-worker sketches (migration 0010): every card tap adds the card's
 * fleet pseudonym to its local day's HyperLogLog registers; the `workers.daily` producer
 * reads the day's registers when the day closes. Adding a card again changes nothing, so
 * re-taps, check-outs and retries are harmless. Card ids and pseudonyms are never stored.
 */
import type { Database } from 'better-sqlite3';
import { addHash, emptySketch, type Sketch } from '../../../common/hyperloglog';
import { fleetPseudonym, periodPseudonymKey, pseudonymPeriod } from './fleet-pseudonym';
import { periodContaining } from './periods';

export interface WorkerSketches {
  /**
   * Adds a worker seen at `atMs` (epoch ms). `cardKey` is the card's low-24-bit form when it
   * has one (`L…`, what every reader type can read), else its canonical id, so one card gives
   * one pseudonym whichever reader a station has.
   */
  noteWorker(cardKey: string, atMs: number): void;
  /** The registers of a local day (by its period label) and their pseudonym month; an empty sketch for a day nobody tapped. */
  sketchOf(dayLabel: string, dayStartMs: number): { registers: Sketch; pseudonymPeriod: string };
}

export function createWorkerSketches(db: Database, fleetKey: Buffer): WorkerSketches {
  const read = db.prepare<[string], { pseudonym_period: string; registers: Buffer }>(
    'SELECT pseudonym_period, registers FROM upstream_worker_sketches WHERE day_label = ?',
  );
  const write = db.prepare<[string, string, Buffer]>(
    'INSERT INTO upstream_worker_sketches (day_label, pseudonym_period, registers) VALUES (?, ?, ?) ON CONFLICT (day_label) DO UPDATE SET registers = excluded.registers',
  );
  // One derived key per month, kept: a tap costs two HMACs, not three.
  const keys = new Map<string, Buffer>();
  const keyOf = (period: string) => {
    let key = keys.get(period);
    if (!key) {
      if (keys.size > 24) keys.clear();
      key = periodPseudonymKey(fleetKey, period);
      keys.set(period, key);
    }
    return key;
  };

  return {
    noteWorker(cardKey, atMs) {
      const day = periodContaining('day', atMs).label;
      const period = pseudonymPeriod(atMs);
      db.transaction(() => {
        const row = read.get(day);
        const registers: Sketch = row ? new Uint8Array(row.registers) : emptySketch();
        const before = row ? Buffer.from(registers) : undefined;
        addHash(registers, fleetPseudonym(keyOf(period), cardKey));
        if (!before || !before.equals(registers)) write.run(day, period, Buffer.from(registers));
      }).immediate();
    },
    sketchOf(dayLabel, dayStartMs) {
      const row = read.get(dayLabel);
      return row
        ? { registers: new Uint8Array(row.registers), pseudonymPeriod: row.pseudonym_period }
        : { registers: emptySketch(), pseudonymPeriod: pseudonymPeriod(dayStartMs) };
    },
  };
}
