/**
 * What a station opens before anything else, in this order: the data directory's lock (a
 * second station on the same directory stops here, before touching anything in it), the
 * settings, the station key and the database (migrated). Apart from
 * {@link createStationService} so a host can open it while its devices are still starting:
 * the built-in simulators wait on socat, which runs in its own processes, while this is
 * file and CPU work in ours.
 */
import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { loadStationConfig, type StationConfig } from '../station-config';
import { loadStationKey, type StationKey } from '../station-key';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { openStationDatabase } from './database';

/** An opened station data directory. The service that takes it over closes it. */
export interface StationStorage {
  readonly dataDir: string;
  /** The settings in force: station.json over the shipped defaults, then the override. */
  readonly config: StationConfig;
  readonly stationKey: StationKey;
  /** The station database, migrated to this build's schema. */
  readonly db: Database.Database;
  /** Start-up problems that did not stop the station (bad settings, file permissions), in order. */
  readonly warnings: readonly string[];
  /** Closes the database, then releases the lock. Idempotent. */
  close(): void;
}

/**
 * Opens `dataDir` (created owner-only if missing). Throws — with nothing left open or locked —
 * when another station holds the directory, or the key or database cannot be used (e.g. a
 * database from a newer release).
 */
export function openStationStorage(dataDir: string, override?: Partial<StationConfig>): StationStorage {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock: DataDirLock = lockDataDir(dataDir);
  try {
    const loaded = loadStationConfig(dataDir, override);
    const stationKey = loadStationKey(dataDir);
    const warnings = [...loaded.warnings, ...stationKey.warnings];
    const db = openStationDatabase({ dataDir, onWarning: (line) => warnings.push(line) });
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      db.close();
      lock.release();
    };
    return { dataDir, config: loaded.config, stationKey, db, warnings, close };
  } catch (error) {
    lock.release();
    throw error;
  }
}
