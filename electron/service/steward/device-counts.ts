/**
 * The device counts kept across restarts (`device_counts`, migration 0014). A count changing
 * (an error, a reopen: rare) is written at once; the last-seen time moves with every tap and
 * every status poll, so it is folded in at most every `FOLD_MS` per device and at shutdown.
 * A crash loses at most that much of last seen, never a count.
 */
import type { Database } from 'better-sqlite3';

/** What is kept of one device. Times are epoch ms. */
export interface StoredDeviceCounts {
  readonly errors: number;
  readonly reopens: number;
  readonly lastSeenAtMs: number | null;
  /** When counting began for this device (its first start on this database). */
  readonly sinceMs: number;
}

export interface DeviceCountStore {
  /** Every device counted so far, by id. */
  load(): Map<string, StoredDeviceCounts>;
  /** Writes one device's counts (insert or replace). */
  save(deviceId: string, counts: StoredDeviceCounts): void;
}

/** Last seen alone is written at most this often per device (and at shutdown). */
export const FOLD_MS = 60_000;

export function deviceCountStore(db: Database): DeviceCountStore {
  const all = db.prepare<[], { device_id: string; errors: number; reopens: number; last_seen_ms: number | null; since_ms: number }>(
    'SELECT device_id, errors, reopens, last_seen_ms, since_ms FROM device_counts',
  );
  const upsert = db.prepare<[string, number, number, number | null, number]>(
    `INSERT INTO device_counts (device_id, errors, reopens, last_seen_ms, since_ms) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET errors = excluded.errors, reopens = excluded.reopens, last_seen_ms = excluded.last_seen_ms`,
  );
  return {
    load: () => new Map(all.all().map((r) => [r.device_id, { errors: r.errors, reopens: r.reopens, lastSeenAtMs: r.last_seen_ms, sinceMs: r.since_ms }])),
    save: (id, c) => void upsert.run(id, c.errors, c.reopens, c.lastSeenAtMs, c.sinceMs),
  };
}
