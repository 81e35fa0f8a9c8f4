/**
 * Builds the station service with its devices, the same way for both hosts: card readers and
 * locker buses from a devices.json (`--config`, else the one in the data directory), or the
 * built-in simulated reader and locker wall when there is none, so a newcomer can tap
 * simulated cards and open simulated lockers at once.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCardReaders } from '../../hardware/devices/create-readers';
import { createLockerBuses } from '../../hardware/devices/create-locker-buses';
import { loadDevicesConfig } from '../../hardware/devices/device-config';
import { SIM_LOCKER_LAYOUT, startDefaultSimulatedLockers } from '../../hardware/simulators/default-simulated-lockers';
import { SIM_DIR_NAME, startDefaultSimulatedReader } from '../../hardware/simulators/default-simulated-reader';
import { LOCKER_LAYOUT_FILE_NAME } from '../service/lockers/locker-layout';
import { createStationService } from '../service/station-service';
import { tapTimingFromEnv } from '../service/tap-timing';
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
    const loaded = loadDevicesConfig(path);
    if (!loaded.ok) throw new Error(`Device config: ${loaded.message}`);
    const service = await createStationService({
      dataDir: options.dataDir,
      readers: createCardReaders(loaded.config),
      lockerBuses: createLockerBuses(loaded.config),
      tapTiming: tapTimingFromEnv(process.env),
    });
    return { service, readers: { kind: 'config', path } };
  }
  // Both simulators at once: each waits on its own socat (tens of ms) before it is ready.
  const [reader, lockers] = await Promise.all([
    startDefaultSimulatedReader(options.dataDir).then(
      (started) => ({ started }),
      (error: unknown) => ({ error }),
    ),
    startSimulatedLockers(options.dataDir),
  ]);
  if (!('started' in reader)) {
    await lockers?.close();
    throw reader.error;
  }
  const simulated = reader.started;
  const closers: (() => Promise<void>)[] = [() => simulated.close()];
  if (lockers) closers.push(() => lockers.close());
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  let service: StationService;
  try {
    service = await createStationService({
      dataDir: options.dataDir,
      readers: [simulated.reader],
      lockerBuses: lockers ? [lockers.bus] : [],
      lockerLayoutDir: join(options.dataDir, SIM_DIR_NAME),
      tapTiming: tapTimingFromEnv(process.env),
    });
  } catch (error) {
    await closeAll();
    throw error;
  }
  const close = async () => {
    await service.close();
    await closeAll();
  };
  return { service: { api: service.api, events: service.events, close }, readers: { kind: 'simulator' } };
}

/**
 * The simulated locker wall and its layout in `<dataDir>/sim/lockers.json`. Without socat there
 * is no wall (lockers show as not configured) and a warning says why; check-in still works.
 */
async function startSimulatedLockers(dataDir: string) {
  try {
    const lockers = await startDefaultSimulatedLockers(dataDir);
    const file = join(dataDir, SIM_DIR_NAME, LOCKER_LAYOUT_FILE_NAME);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(SIM_LOCKER_LAYOUT, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
    return lockers;
  } catch (error) {
    console.warn(`Simulated lockers are off: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
