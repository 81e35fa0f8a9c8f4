/**
 * The day's unique-worker sketch for upstream: HyperLogLog registers of fleet pseudonyms
 * (electron/service/upstream/worker-sketches.ts), one row per local day, updated at each
 * card tap and read when the day's `workers.daily` item is written. No card id is stored.
 */
import type { Database } from 'better-sqlite3';

export const version = 7;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE upstream_worker_sketches (
      -- Local day label, e.g. '2026-03-02+08:00' (the workers.daily period label).
      day_label         TEXT PRIMARY KEY CHECK (length(day_label) BETWEEN 10 AND 20),
      -- 'YYYY-MM': the month whose fleet pseudonym key made these registers.
      pseudonym_period  TEXT NOT NULL CHECK (length(pseudonym_period) = 7),
      registers         BLOB NOT NULL CHECK (length(registers) = 4096)
    ) STRICT;
  `);
}
