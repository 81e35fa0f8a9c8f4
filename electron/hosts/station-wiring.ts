/**
 * Builds the station service with its card readers, the same way for both hosts: readers
 * from a devices.json (`--config`, else the one in the data directory), or the built-in
 * simulated reader when there is none, so a newcomer can tap simulated cards at once.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CardReader } from '../../hardware/drivers/card-reader/card-reader';
import { createCardReaders } from '../../hardware/devices/create-readers';
import { loadDevicesConfig } from '../../hardware/devices/device-config';
import { startDefaultSimulatedReader } from '../../hardware/simulators/default-simulated-reader';
import { createStationService } from '../service/station-service';
import type { StationService } from '../service-contract';

export interface StationWiringOptions {
  readonly dataDir: string;
  /** Explicit devices.json; it must exist. */
  readonly configPath?: string;
}

/** Where the readers came from, for the start-up log. */
export type ReaderSource = { kind: 'config'; path: string } | { kind: 'simulator' };

export interface WiredStation {
  readonly service: StationService;
  readonly readers: ReaderSource;
}

export const DEVICES_FILE_NAME = 'devices.json';

/** The devices.json to use, or `null` for the simulator. Throws when `--config` is missing. */
export function devicesConfigPath(options: StationWiringOptions, exists = existsSync): string | null {
  if (options.configPath) {
    const path = resolve(options.configPath);
    if (!exists(path)) throw new Error(`Device config ${path} does not exist`);
    return path;
  }
  const inDataDir = join(options.dataDir, DEVICES_FILE_NAME);
  return exists(inDataDir) ? inDataDir : null;
}

/**
 * Creates the service; the service owns the readers and stops them on `close()`, and the
 * returned service's `close()` also takes down the built-in simulator's pty pair.
 */
export async function createWiredStation(options: StationWiringOptions): Promise<WiredStation> {
  const path = devicesConfigPath(options);
  if (path) {
    const service = await createStationService({ dataDir: options.dataDir, readers: readersFromConfig(path) });
    return { service, readers: { kind: 'config', path } };
  }
  const simulated = await startDefaultSimulatedReader(options.dataDir);
  let service: StationService;
  try {
    service = await createStationService({ dataDir: options.dataDir, readers: [simulated.reader] });
  } catch (error) {
    await simulated.close();
    throw error;
  }
  const close = async () => {
    await service.close();
    await simulated.close();
  };
  return { service: { api: service.api, events: service.events, close }, readers: { kind: 'simulator' } };
}

function readersFromConfig(path: string): CardReader[] {
  const loaded = loadDevicesConfig(path);
  if (!loaded.ok) throw new Error(`Device config: ${loaded.message}`);
  return createCardReaders(loaded.config);
}
