/**
 * Builds the station service with its devices, the same way for both hosts: card readers and
 * locker buses and the slip printer from a devices.json (`--config`, else the one in the data
 * directory), or the built-in simulated reader, locker wall and printer when there is none, so
 * a newcomer can tap simulated cards, open simulated lockers and print slips at once.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCardReaders } from '../../hardware/devices/create-readers';
import { createLockerBuses } from '../../hardware/devices/create-locker-buses';
import { createConfiguredPrinter } from '../../hardware/devices/create-printer';
import { loadDevicesConfig } from '../../hardware/devices/device-config';
import { SIM_LOCKER_LAYOUT, startDefaultSimulatedLockers, type DefaultSimulatedLockers } from '../../hardware/simulators/default-simulated-lockers';
import { startDefaultSimulatedPrinter, type DefaultSimulatedPrinter } from '../../hardware/simulators/default-simulated-printer';
import { SIM_DIR_NAME, startDefaultSimulatedReader } from '../../hardware/simulators/default-simulated-reader';
import { ptyUnavailableReason } from '../../hardware/simulators/pty-pair';
import { LOCKER_LAYOUT_FILE_NAME } from '../service/lockers/locker-layout';
import { STATION_CONFIG_FILE_NAME } from '../service/station-config';
import { secureConfigFiles } from '../service/storage/owner-only';
import { openStationLog } from '../service/ops/station-log';
import { createStationService, type StationServiceOptions } from '../service/station-service';
import { openStationStorage, type StationStorage } from '../service/storage/station-storage';
import { tapTimingFromEnv } from '../service/tap-timing';
import type { StationService } from '../service-contract';
import {
  configuredDeviceLines,
  simulatedLockersLine,
  simulatedPrinterLine,
  simulatedReaderLine,
  type SimulatedLockersOutcome,
  type SimulatedPrinterOutcome,
} from './device-report';

export interface StationWiringOptions {
  readonly dataDir: string;
  /** Explicit devices.json; it must exist. */
  readonly configPath?: string;
  /** Service options for soaks and benches (e.g. `wedgeLimit: null` to tap faster than a hand). */
  readonly service?: Pick<StationServiceOptions, 'wedgeLimit'>;
}

export interface WiredStation {
  readonly service: StationService;
  /**
   * One start-up line per device with its real state, e.g.
   * `Card reader: simulated on pty /…/sim/reader-host (…)` or `Lockers: none (socat not found: …)`.
   */
  readonly devices: readonly string[];
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
  // Before anything reads them: settings and device config in the data dir are owner-only.
  const configFiles = [join(options.dataDir, STATION_CONFIG_FILE_NAME), join(options.dataDir, DEVICES_FILE_NAME)];
  for (const line of secureConfigFiles(configFiles)) console.warn(line);
  const path = devicesConfigPath(options);
  if (path) {
    const loaded = loadDevicesConfig(path);
    if (!loaded.ok) throw new Error(`Device config: ${loaded.message}`);
    const stationLog = openStationLog({ dataDir: options.dataDir });
    const service = await createStationService({
      dataDir: options.dataDir,
      readers: createCardReaders(loaded.config),
      lockerBuses: createLockerBuses(loaded.config),
      printer: createConfiguredPrinter(loaded.config),
      tapTiming: tapTimingFromEnv(process.env),
      log: stationLog.log,
      ...options.service,
    }).catch((error: unknown) => {
      stationLog.close();
      throw error;
    });
    const close = async () => {
      await service.close();
      stationLog.close();
    };
    return { service: { api: service.api, events: service.events, close }, devices: configuredDeviceLines(path, loaded.config) };
  }
  // Every simulator at once: each waits on its own socat (tens of ms) before it is ready.
  // startSimulatedLockers and startSimulatedPrinter never reject (none is an outcome, not an error).
  const starting = Promise.all([
    startDefaultSimulatedReader(options.dataDir).then(
      (started) => ({ started }),
      (error: unknown) => ({ error }),
    ),
    startSimulatedLockers(options.dataDir),
    startSimulatedPrinter(options.dataDir),
  ]);
  // Meanwhile (socat runs in its own processes): the log, then the lock, settings, key and database.
  let stationLog: ReturnType<typeof openStationLog> | undefined;
  let storage: StationStorage;
  try {
    stationLog = openStationLog({ dataDir: options.dataDir });
    storage = openStationStorage(options.dataDir);
  } catch (error) {
    stationLog?.close();
    const [reader, { lockers }, { printer }] = await starting;
    if ('started' in reader) await reader.started.close();
    await lockers?.close();
    await printer?.close();
    throw error;
  }
  const [reader, { lockers, outcome: lockersOutcome }, { printer, outcome: printerOutcome }] = await starting;
  const log = stationLog;
  if (!('started' in reader)) {
    await lockers?.close();
    await printer?.close();
    storage.close();
    log.close();
    throw reader.error;
  }
  const simulated = reader.started;
  const closers: (() => Promise<void>)[] = [() => simulated.close(), async () => log.close()];
  if (lockers) closers.push(() => lockers.close());
  if (printer) closers.push(() => printer.close());
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  let service: StationService;
  try {
    service = await createStationService({
      dataDir: options.dataDir,
      storage,
      readers: [simulated.reader],
      lockerBuses: lockers ? [lockers.bus] : [],
      printer: printer?.printer ?? null,
      lockerLayoutDir: join(options.dataDir, SIM_DIR_NAME),
      tapTiming: tapTimingFromEnv(process.env),
      log: log.log,
      ...options.service,
    });
  } catch (error) {
    await closeAll();
    throw error;
  }
  const close = async () => {
    await service.close();
    await closeAll();
  };
  return {
    service: { api: service.api, events: service.events, close },
    devices: [simulatedReaderLine(simulated.link), simulatedLockersLine(lockersOutcome), simulatedPrinterLine(printerOutcome)],
  };
}

/**
 * The simulated locker wall and its layout in `<dataDir>/sim/lockers.json`. Without socat there
 * is no wall (lockers show as not configured) and the outcome says why; check-in still works.
 */
async function startSimulatedLockers(dataDir: string): Promise<{ lockers?: DefaultSimulatedLockers; outcome: SimulatedLockersOutcome }> {
  let lockers: DefaultSimulatedLockers;
  try {
    lockers = await startDefaultSimulatedLockers(dataDir);
  } catch (error) {
    return { outcome: { kind: 'none', reason: ptyUnavailableReason(error) } };
  }
  try {
    const file = join(dataDir, SIM_DIR_NAME, LOCKER_LAYOUT_FILE_NAME);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(SIM_LOCKER_LAYOUT, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    await lockers.close();
    return { outcome: { kind: 'none', reason: `cannot write the simulated wall's lockers.json: ${error instanceof Error ? error.message : String(error)}` } };
  }
  return { lockers, outcome: { kind: 'wall', lockers: SIM_LOCKER_LAYOUT.length, hostPath: lockers.hostPath } };
}

/** The simulated slip printer; without socat there is none (no slip offered) and the outcome says why. */
async function startSimulatedPrinter(dataDir: string): Promise<{ printer?: DefaultSimulatedPrinter; outcome: SimulatedPrinterOutcome }> {
  try {
    const printer = await startDefaultSimulatedPrinter(dataDir);
    return { printer, outcome: { kind: 'printer', hostPath: printer.hostPath } };
  } catch (error) {
    return { outcome: { kind: 'none', reason: ptyUnavailableReason(error) } };
  }
}
