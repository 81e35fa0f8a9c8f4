/**
 * A station service with lockers for tests: a real data dir (station.db, lockers.json,
 * station.json), a {@link LockerBusDouble}, and fake timers driving the clock and alarms.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import type { EventName, EventPayload } from '../../../common/contract';
import type { CheckInOutcome } from '../../../common/domain';
import type { CreatedStationService, StationServiceOptions } from '../station-service';
import { createStationService } from '../station-service';
import type { StationConfig } from '../station-config';
import { stationDatabasePath } from '../storage/database';
import { LockerBusDouble, type LockerBusDoubleOptions } from './locker-bus-double';
import { useTempDirs } from './temp-dirs';

export const T0 = Date.UTC(2025, 5, 1, 8, 0);
export const CARD_A = '0040856634';
export const CARD_B = '1234567890';
/** The `stewardPin` tests set in station.json (migrated into a PIN-only steward). */
export const STEWARD_PIN = '2468';

/** Lockers 1–4 on bus "wall" board 1 locks 1–4: USB-C, USB-C, Lightning, Micro-USB. */
export const STANDARD_LAYOUT = [
  { number: 1, bus: 'wall', board: 1, lock: 1, cable: 'usb-c' },
  { number: 2, bus: 'wall', board: 1, lock: 2, cable: 'usb-c' },
  { number: 3, bus: 'wall', board: 1, lock: 3, cable: 'lightning' },
  { number: 4, bus: 'wall', board: 1, lock: 4, cable: 'micro-usb' },
];

export interface LockerStation {
  readonly service: CreatedStationService;
  readonly bus: LockerBusDouble;
  readonly dataDir: string;
  readonly seen: { event: EventName; payload: unknown }[];
  readonly warnings: string[];
  /** Start-up lines for the station console (the steward setup code). */
  readonly notices: string[];
  /** A wedge tap; returns the outcome (throws if the call failed). */
  tap(text?: string): Promise<CheckInOutcome>;
  /** The card pass of a tap. */
  pass(text?: string): Promise<string>;
  /** A fresh steward session, PIN only (the `stewardPin` setting migrated); throws unless signed in. */
  session(pin?: string): Promise<string>;
  rows<T = Record<string, unknown>>(sql: string): T[];
  /** `locker` events seen so far. */
  lockerEvents(): unknown[];
}

export interface LockerStationOptions {
  readonly dataDir?: string;
  readonly layout?: unknown;
  readonly settings?: Partial<StationConfig>;
  readonly bus?: Partial<LockerBusDoubleOptions> | null;
  readonly service?: Partial<StationServiceOptions>;
  /** Runs on the bus double before the service sees it (doors as found at start). */
  readonly beforeStart?: (bus: LockerBusDouble) => void;
}

/** Call at the top of a test file. Installs fake timers at {@link T0}; closes stations after each test. */
export function useLockerStations(): (options?: LockerStationOptions) => Promise<LockerStation> {
  const temp = useTempDirs('station-lockers-');
  const open: LockerStation[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(async () => {
    for (const station of open.splice(0)) await station.service.close();
    vi.useRealTimers();
  });
  return async (options = {}) => {
    const dataDir = options.dataDir ?? temp.make();
    if (options.layout !== undefined) writeFileSync(join(dataDir, 'lockers.json'), JSON.stringify(options.layout));
    if (options.settings) writeFileSync(join(dataDir, 'station.json'), JSON.stringify(options.settings));
    const bus = new LockerBusDouble({ id: 'wall', name: 'Locker wall', boards: [{ address: 1, channels: 8 }], ...options.bus });
    options.beforeStart?.(bus);
    const warnings: string[] = [];
    const notices: string[] = [];
    const service = await createStationService({
      dataDir,
      lockerBuses: options.bus === null ? [] : [bus],
      onWarning: (w) => warnings.push(w),
      onNotice: (n) => notices.push(n),
      ...options.service,
    });
    const seen: { event: EventName; payload: unknown }[] = [];
    for (const event of ['checkIn', 'deviceStatus', 'locker', 'lockerAvailability'] as const) {
      service.events.on(event, (payload: EventPayload<typeof event>) => seen.push({ event, payload }));
    }
    const db = new Database(stationDatabasePath(dataDir), { readonly: true });
    const station: LockerStation = {
      service,
      bus,
      dataDir,
      seen,
      warnings,
      notices,
      async tap(text = CARD_A) {
        const result = await service.api.submitWedgeRead({ text });
        if (!result.ok) throw new Error(`tap failed: ${result.message}`);
        if (result.value.kind === 'steward-card') throw new Error('tap was taken as a steward card');
        return result.value;
      },
      async pass(text = CARD_A) {
        const outcome = await station.tap(text);
        if (outcome.kind === 'goodbye' || !outcome.cardPass) throw new Error(`no card pass: ${JSON.stringify(outcome)}`);
        return outcome.cardPass;
      },
      async session(pin = STEWARD_PIN) {
        const result = await service.api.signInSteward({ pending: null, pin });
        if (!result.ok || result.value.kind !== 'signed-in') throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
        return result.value.steward.session;
      },
      rows: <T>(sql: string) => db.prepare(sql).all() as T[],
      lockerEvents: () => seen.filter((s) => s.event === 'locker').map((s) => s.payload),
    };
    const close = service.close;
    Object.assign(service, {
      close: async () => {
        await close();
        if (db.open) db.close();
      },
    });
    open.push(station);
    return station;
  };
}
