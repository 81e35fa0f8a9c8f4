/**
 * Builds the station service with its card readers, the same way for both hosts: readers
 * from a devices.json (`--config`, else the one in the data directory), or the built-in
 * simulated reader when there is none, so a newcomer can tap simulated cards at once.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CardReader } from '../../hardware/drivers/card-reader/card-reader';
import { createCardReaders } from '../../hardware/devices/create-card-readers';
import { devicesConfigSchema } from '../../hardware/devices/devices-config';
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

/** Creates the service; the service owns the readers and stops them on `close()`. */
export async function createWiredStation(options: StationWiringOptions): Promise<WiredStation> {
  const path = devicesConfigPath(options);
  const readers: CardReader[] = path
    ? await readersFromConfig(path)
    : [await startDefaultSimulatedReader(options.dataDir)];
  const service = await createStationService({ dataDir: options.dataDir, readers });
  return { service, readers: path ? { kind: 'config', path } : { kind: 'simulator' } };
}

async function readersFromConfig(path: string): Promise<CardReader[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Device config ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = devicesConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Device config ${path} is invalid: ${issues}`);
  }
  return createCardReaders(parsed.data);
}
