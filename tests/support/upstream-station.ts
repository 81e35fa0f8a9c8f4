/**
 * A real station service that sends to (and pulls from) a collector, for the upstream
 * integration tests: its data folder gets the collector key, an optional fleet key and a
 * `station.json` with the `upstream` settings; the service runs on a hand-driven clock.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CardReader } from '../../hardware/drivers/card-reader/card-reader';
import { createStationService, type CreatedStationService } from '../../electron/service/station-service';
import { stationDatabasePath } from '../../electron/service/storage/database';
import type { ManualClock } from '../../electron/service/testing/manual-clock';

export interface UpstreamStationOptions {
  readonly stationId: string;
  /** An existing folder: the station's data (a restart keeps it). */
  readonly dataDir: string;
  readonly collectorUrl: string;
  /** The station's collector key, written to `collector.key`; omitted on a restart, which keeps the file. */
  readonly key?: Buffer;
  /** The district's fleet key, written to `fleet.key` and named in the settings. */
  readonly fleetKey?: Buffer;
  /** More `station.json` fields (e.g. `stewardPin`). */
  readonly config?: Record<string, unknown>;
  readonly clock: ManualClock;
  readonly readers?: readonly CardReader[];
}

export interface UpstreamStation {
  readonly service: CreatedStationService;
  readonly clock: ManualClock;
  readonly dataDir: string;
  /** Rows of one query on the station's SQLite file, read-only, on a connection of its own. */
  rows<T = Record<string, unknown>>(sql: string): T[];
}

/** Writes the station's files and starts its service; the caller closes `service`. */
export async function startUpstreamStation(options: UpstreamStationOptions): Promise<UpstreamStation> {
  const { dataDir, clock } = options;
  const secret = (name: string, key: Buffer) => writeFileSync(join(dataDir, name), `${key.toString('base64url')}\n`, { mode: 0o600 });
  if (options.key) secret('collector.key', options.key);
  if (options.fleetKey) secret('fleet.key', options.fleetKey);
  const upstream = { collectorUrl: options.collectorUrl, keyFile: 'collector.key', ...(options.fleetKey ? { fleetKeyFile: 'fleet.key' } : {}) };
  writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ stationId: options.stationId, ...options.config, upstream }));
  const service = await createStationService({ dataDir, clock, now: () => clock.now(), readers: options.readers, onWarning: () => {} });
  const rows = <T,>(sql: string): T[] => {
    const raw = new Database(stationDatabasePath(dataDir), { readonly: true });
    try {
      return raw.prepare(sql).all() as T[];
    } finally {
      raw.close();
    }
  };
  return { service, clock, dataDir, rows };
}
