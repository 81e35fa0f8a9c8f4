/**
 * The station service: station settings, the station key, the database, check-in and the
 * card readers, behind the typed `StationApi`. Both hosts (Electron and the browser host)
 * build it with {@link createStationService} and serve its `api` and `events`.
 */
import { randomBytes } from 'node:crypto';
import { stationMethods, type MethodInput, type MethodName, type MethodOutput, type StationApi } from '../../common/contract';
import { err, ok, type Result } from '../../common/result';
import type { WedgeReadOutcome } from '../../common/check-in';
import type { CheckInOutcome } from '../../common/domain';
import type { NormalisedCard } from '../../hardware/card-id/card-id';
import type { CardReader } from '../../hardware/drivers/card-reader/card-reader';
import { systemClock, type Clock } from '../../hardware/drivers/clock';
import type { LockerBus } from '../../hardware/drivers/locker-bus/locker-bus';
import { normaliseCardText } from '../../hardware/card-id/normalise';
import type { StationService } from '../service-contract';
import type { PrinterDevice } from '../../hardware/printer/printer-device';
import { createCheckIn } from './check-in';
import { createSlipPrinting } from './printing/slip-printing';
import { createEventBus } from './event-bus';
import { loadLockerLayout } from './lockers/locker-layout';
import { createLockerService, type LockerService } from './lockers/locker-service';
import { createHandwritingService, type HandwritingServiceOptions } from './wishes/handwriting/handwriting-service';
import { createScreenDimmingService } from './kiosk/screen-dimming-service';
import { attachReaders } from './reader-bridge';
import { createAfterAnswer } from './after-answer';
import { createStewardRecordsService } from './steward/records/records-service';
import type { TapTimingSink } from './tap-timing';
import { toStationInfo, type StationConfig } from './station-config';
import { hashCardId } from './station-key';
import { createCheckInStore } from './storage/check-in-store';
import { retryWhileBusy } from './storage/busy-retry';
import { createUpstreamService } from './upstream/upstream-service';
import { createOpsService } from './ops/ops-service';
import { withLog, type StationLog } from './ops/service-log';
import { consoleDevices } from './steward/console-devices';
import { exportCsv, listExportTables } from './steward/export/export-csv';
import { listExportFolders } from './steward/export/export-folders';
import { deviceCountStore } from './steward/device-counts';
import { trackDeviceHealth } from './steward/device-health';
import { createStewardService, type StewardService } from './steward/steward-service';
import { openStationStorage, type StationStorage } from './storage/station-storage';
import { createWedgeGate } from './wedge-gate';
import { createWishService } from './wishes/wish-service';
import { createLiveWordFilter } from './wishes/live-word-filter';
import { createPullAppliers } from './upstream/pull-appliers';
import { createWishRetraction } from './upstream/wish-retraction';
import { DEFAULT_WEDGE_LIMIT, type WedgeLimit } from './wedge-limiter';

/** Device id recorded for cards typed by a keyboard-wedge reader into the page. */
export const WEDGE_DEVICE_ID = 'wedge';
/** Device id recorded for guest check-ins from the kiosk screen. */
export const SCREEN_DEVICE_ID = 'screen';

export interface StationServiceOptions {
  /** Holds station.db, station.key and station.json; created (owner-only) if missing. */
  readonly dataDir: string;
  /** Readers the service starts now and stops on `close()`. Default none. */
  readonly readers?: readonly CardReader[];
  /** Locker buses the service starts now and stops on `close()`; lockers.json maps their locks. Default none. */
  readonly lockerBuses?: readonly LockerBus[];
  /** The pickup-slip printer the service starts now and stops on `close()`. Default none. */
  readonly printer?: PrinterDevice | null;
  /** Folder of the lockers.json to use. Default `dataDir`; the built-in simulator keeps its own. */
  readonly lockerLayoutDir?: string;
  /** Wall clock in epoch ms, for visit times and the fault rate limit. Default `Date.now`. */
  readonly now?: () => number;
  /** Timers for door alarms (and time for lockers). Default the system timers with `now`. */
  readonly clock?: Clock;
  /** Card text → canonical id, for wedge reads. Default {@link normaliseCardText}. */
  readonly normalise?: typeof normaliseCardText;
  /** Settings applied over station.json (tests, command line); checked like the file. */
  readonly stationConfigOverride?: Partial<StationConfig>;
  /**
   * `dataDir` already opened (opened with `stationConfigOverride`, if any), e.g. while the
   * devices started; the service takes it over and closes it. Default: opened here.
   */
  readonly storage?: StationStorage;
  /** Start-up problems that did not stop the station (bad settings, key permissions). Default `console.warn`. */
  readonly onWarning?: (message: string) => void;
  /** Benchmarks only: stage times of every reader tap (see tap-timing.ts). Default none. */
  readonly tapTiming?: TapTimingSink | null;
  /**
   * How many keyboard-wedge reads the screen may submit: a burst, then a rate. Default
   * {@link DEFAULT_WEDGE_LIMIT}. `null` (no limit) is for durability tests that tap as fast
   * as the disk allows; the hosts never pass it.
   */
  readonly wedgeLimit?: WedgeLimit | null;
  /** Requests refused for the station's safety (wedge bursts), one line each time. Default `console.warn`. */
  readonly onRefusal?: (line: string) => void;
  /** Start-up lines for whoever runs the station (the steward setup code). Default `console.log`. */
  readonly onNotice?: (message: string) => void;
  /** Where the handwriting recogniser is; Debian's package paths unless given. */
  readonly handwriting?: HandwritingServiceOptions;
  /**
   * The structured log (ops/station-log.ts): warnings, errors, refusals, check-in outcomes
   * and refused calls, never card numbers or PINs. Start-up notices stay on the console only.
   */
  readonly log?: StationLog;
}

export interface CreatedStationService extends StationService {
  /** The settings in force after merging and validation. */
  readonly config: StationConfig;
  /** Everything reported through `onWarning` during start-up. */
  readonly warnings: readonly string[];
}

/**
 * Opens the station: settings, key, database (migrated), then subscribes to and starts the
 * readers. Rejects when the database or key cannot be used (e.g. a database from a newer
 * release); nothing is left open then.
 */
export async function createStationService(options: StationServiceOptions): Promise<CreatedStationService> {
  const now = options.now ?? Date.now;
  const normalise = options.normalise ?? normaliseCardText;
  const readers = options.readers ?? [];
  const lockerBuses = options.lockerBuses ?? [];
  const clock: Clock = options.clock ?? { ...systemClock, now };
  const logged = withLog(options.log);
  const onWarning = logged.warn(options.onWarning ?? ((message: string) => console.warn(message)));
  const onRefusal = logged.warn(options.onRefusal ?? ((line: string) => console.warn(line)));
  const onError = logged.error((message: string) => console.error(message));
  const instance = randomBytes(8).toString('hex');
  const onNotice = options.onNotice ?? ((message: string) => console.log(message));

  const storage = options.storage ?? openStationStorage(options.dataDir, options.stationConfigOverride);
  const { db, config, stationKey } = storage;
  const warnings: string[] = [...storage.warnings];
  let layout: ReturnType<typeof loadLockerLayout>;
  try {
    layout = loadLockerLayout(options.lockerLayoutDir ?? options.dataDir, lockerBuses);
    warnings.push(...layout.warnings);
  } catch (error) {
    storage.close();
    throw error;
  }
  for (const warning of warnings) onWarning(warning);
  const events = createEventBus();
  const wedgeGate =
    options.wedgeLimit === null ? null : createWedgeGate({ now, limit: options.wedgeLimit ?? DEFAULT_WEDGE_LIMIT, events, onRefusal });
  let lockers: LockerService;
  let steward: StewardService;
  try {
    steward = createStewardService({ db, dataDir: options.dataDir, hashCard: (c) => hashCardId(stationKey.key, c), pulledCardHash: (c) => upstream.stewardCardPseudonym(c), legacyPin: config.stewardPin, clock, events, onNotice, onWarning: (line) => (warnings.push(line), onWarning(line)) });
    lockers = createLockerService({
      db,
      key: stationKey.key,
      buses: lockerBuses,
      layout,
      settings: config,
      clock,
      events,
      onDeviceChange: () => events.emit('deviceStatus', { devices: bridge.deviceStatus() }),
      onError,
      access: steward.access,
    });
  } catch (error) {
    storage.close();
    throw error;
  }
  const wordFilter = createLiveWordFilter();
  const wishes = createWishService({ db, settings: config.wishes, stewardAccess: steward.access, now, filter: wordFilter.filter, onHidden: createWishRetraction(db, config.stationId) });
  const checkInRepo = createCheckInStore(db);
  const checkIn = createCheckIn({
    repo: checkInRepo,
    hashCard: (canonical) => hashCardId(stationKey.key, canonical),
    now,
    settings: config,
    holdsLocker: (cardId) => lockers.holdsLocker(cardId),
  });
  const afterAnswer = createAfterAnswer((error) => onError(`after a tap: ${error instanceof Error ? error.message : String(error)}`));
  /** A tap; where lockers are in use, with a fresh card pass and the locker the card holds. */
  const tapCard = (card: NormalisedCard, source: 'reader' | 'wedge', deviceId: string): CheckInOutcome => {
    // (A wedge tap is always a check-in: the screen that typed it is not the sign-in screen.)
    const outcome = checkIn.tapCard(card, source, deviceId);
    // The visit is committed; the unique-worker sketch (a transaction and fsync of its own) and
    // the log line wait one turn of the event loop, so they run after the answer has been sent.
    const atMs = now();
    afterAnswer.push(() => {
      upstream.noteWorker(card.kind === 'token' ? card.canonical : card.low24, atMs);
      logged.checkIn(source, deviceId, outcome);
    });
    // Any tap means someone new may be at the screen: the last person's pass must not work for them.
    lockers.revokePasses();
    wishes.revokePasses();
    if (outcome.kind === 'goodbye') return outcome;
    const withWishPass = { ...outcome, wishPass: wishes.issuePass(outcome.visitId) };
    if (!lockers.configured) return withWishPass;
    const cardId = checkInRepo.findVisit(outcome.visitId)?.cardId;
    return cardId == null ? withWishPass : { ...withWishPass, ...lockers.forCard(cardId) };
  };
  const printer = options.printer ?? null;
  const slips = createSlipPrinting({
    printer,
    pickupCodeForSlip: (lockerNumber, sessionId) => retryWhileBusy(() => lockers.pickupCodeForSlip(lockerNumber, sessionId)),
    stationName: (language) => config.stationName[language],
    onError,
  });
  const bridge = attachReaders({
    readers,
    events,
    now,
    // A steward card at the open sign-in screen is a sign-in, not a visit.
    tapCard: (card, deviceId) => (steward.claimTap(card) ? Promise.resolve(null) : retryWhileBusy(() => tapCard(card, 'reader', deviceId))),
    onError,
    onFaultLine: onWarning,
    otherDevices: () => [...lockers.busStatus(), ...slips.deviceStatus()],
    tapTiming: options.tapTiming,
  });
  const upstream = createUpstreamService({ db, stationId: config.stationId, settings: config.upstream, dataDir: options.dataDir, clock, deviceStatus: () => bridge.deviceStatus(), onWarning, pull: createPullAppliers({ db, events, words: wordFilter }) });
  const exportDeps = { db, access: steward.access, stationId: config.stationId };
  const ops = createOpsService({ db, dataDir: options.dataDir, clock, settings: config, onWarning, onNotice });
  const deviceHealth = trackDeviceHealth({ events, now, devices: () => bridge.deviceStatus(), store: deviceCountStore(db), onWarning });

  let closed = false;
  /**
   * Runs a storage call (one transaction); a closed service or a failing disk is an answer,
   * not a rejection. A database locked by another connection is retried without blocking.
   */
  const run = async <T>(fn: () => Result<T>): Promise<Result<T>> => {
    if (closed) return err('unavailable', 'The station service has shut down.');
    try {
      return await retryWhileBusy(fn);
    } catch (error) {
      ops.noteStorageFailure(error);
      logged.storageFailure(error);
      return storageError(error);
    }
  };

  const runAsync = async <T>(fn: () => Promise<Result<T>>): Promise<Result<T>> => {
    if (closed) return err('unavailable', 'The station service has shut down.');
    try {
      return await fn();
    } catch (error) {
      ops.noteStorageFailure(error);
      logged.storageFailure(error);
      return storageError(error);
    }
  };

  const handwriting = createHandwritingService(options.handwriting);
  const api: StationApi = logged.api({
    ...handwriting.api,
    ...createScreenDimmingService(config).api,
    getStationInfo: async () => ok(toStationInfo(config)),

    ping: async () => (closed ? err('unavailable', 'The station service has shut down.') : ok({ instance })),

    submitWedgeRead: (arg) =>
      run((): Result<WedgeReadOutcome> => {
        // Hosts validate already; checked again because in-process callers skip the hosts.
        const input = stationMethods.submitWedgeRead.input.safeParse(arg);
        if (!input.success) return err('invalid-argument', `submitWedgeRead: text ${input.error.issues[0]?.message ?? 'is invalid'}`);
        // Before anything is read or written: a refused read logs no visit and issues no pass.
        const refused = wedgeGate?.check();
        if (refused) return refused;
        const card = normalise(input.data.text, { byteOrder: config.wedgeByteOrder });
        if (!card) {
          return err('unreadable-card', `The reader's text (${input.data.text.length} characters) is not a card number; tap the card again.`);
        }
        // As for a serial reader: a steward card at the open sign-in screen is a sign-in, not a visit.
        if (steward.claimTap(card)) return ok({ kind: 'steward-card' as const });
        return ok(tapCard(card, 'wedge', WEDGE_DEVICE_ID));
      }),

    guestCheckIn: () =>
      run(() => {
        const guest = checkIn.guestCheckIn(SCREEN_DEVICE_ID);
        return ok({ ...guest, wishPass: wishes.issuePass(guest.visitId) });
      }),

    setWorkerCategory: (arg) =>
      run(() => {
        const input = stationMethods.setWorkerCategory.input.safeParse(arg);
        if (!input.success) return err('invalid-argument', 'setWorkerCategory: visitId must be a positive integer and category one of the listed ones or null');
        const answer = checkIn.setWorkerCategory(input.data.visitId, input.data.category);
        if (answer === 'not-found') return err('not-found', `No visit ${input.data.visitId}.`);
        if (answer === 'guest-visit') return err('invalid-argument', `Visit ${input.data.visitId} is a guest visit: there is no card to remember a category on.`);
        return ok({});
      }),

    registerJoinInterest: (arg) =>
      run(() => {
        const input = stationMethods.registerJoinInterest.input.safeParse(arg);
        if (!input.success) return err('invalid-argument', 'registerJoinInterest: from must be "attract" or "guest"');
        checkIn.registerJoinInterest(input.data.from);
        return ok({});
      }),

    getDeviceStatus: async () => ok(bridge.deviceStatus()),

    getLockerAvailability: () => run(() => ok(lockers.availability())),
    claimLocker: (arg) => runAsync(() => lockers.claim(arg)),
    openMyLocker: (arg) => runAsync(() => lockers.retrieve(arg)),
    recoverPickupCode: (arg) => run(() => lockers.recoverPickupCode(arg)),
    releaseCardPass: (arg) => run(() => lockers.releasePass(arg)),
    listLockers: (arg) => run(() => lockers.list(arg)),
    stewardLockerAction: (arg) => runAsync(() => lockers.stewardAction(arg)),
    openAllLockers: (arg) => runAsync(() => lockers.openAll(arg)),
    ...wrapAll(steward.api, run),
    listExportTables: (arg) => run(() => listExportTables(arg, exportDeps)),
    exportCsv: (arg) => run(() => exportCsv(arg, exportDeps)),
    listExportFolders: (arg) => run(() => listExportFolders(arg, steward.access)),
    getConsoleDevices: (arg) => run(() => consoleDevices(arg, steward.access, deviceHealth, () => upstream.getSyncStatus())),
    getSyncStatus: () => run(() => ok(upstream.getSyncStatus())),
    printPickupSlip: (arg) => runAsync(() => slips.printPickupSlip(arg)),
    ...createStewardRecordsService({ db, access: steward.access, now, events, run }).api,
    ...ops.api,
    listWishes: (arg) => run(() => wishes.list(arg)),
    getWishRotation: () => run(() => wishes.rotation()),
    postWish: (arg) => run(() => wishes.post(arg)),
    meTooWish: (arg) => run(() => wishes.meToo(arg)),
    listWishesForModeration: (arg) => run(() => wishes.listForModeration(arg)),
    moderateWish: (arg) => run(() => wishes.moderate(arg)),
    setWishModerationMode: (arg) => run(() => wishes.setModerationMode(arg)),
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      closed = true;
      bridge.detach();
      // What taps left for after their answer is done before the database closes.
      afterAnswer.drain();
      deviceHealth.detach();
      steward.close();
      lockers.close();
      handwriting.close();
      await upstream.close();
      ops.close();
      stopPrinterWatch();
      const devices = [...readers, ...lockerBuses, ...(printer ? [printer] : [])];
      const stopped = await Promise.allSettled(devices.map((device) => device.stop()));
      stopped.forEach((result, i) => {
        if (result.status === 'rejected') onWarning(`Device ${devices[i]?.id ?? i} did not stop cleanly: ${String(result.reason)}`);
      });
      storage.close();
    })();
    return closing;
  };

  for (const reader of readers) {
    try {
      await reader.start();
    } catch (error) {
      // One broken reader must not keep the station (guests, other readers) from opening.
      const message = `Reader ${reader.id} could not start: ${error instanceof Error ? error.message : String(error)}`;
      warnings.push(message);
      onWarning(message);
    }
  }
  for (const bus of lockerBuses) {
    try {
      await bus.start();
    } catch (error) {
      // A locker bus that cannot start shows as offline; check-in carries on without it.
      const message = `Locker bus ${bus.id} could not start: ${error instanceof Error ? error.message : String(error)}`;
      warnings.push(message);
      onWarning(message);
    }
  }
  const stopPrinterWatch = printer?.onChange(() => events.emit('deviceStatus', { devices: bridge.deviceStatus() })) ?? (() => undefined);
  if (printer) {
    // Never rejects: a printer that does not answer shows as offline, and lockers still work without slips.
    await printer.start();
  }
  return { api, events, close, config, warnings };
}

/** Each synchronous method of a slice's api, run like the others (closed service, busy database). */
function wrapAll<K extends MethodName>(
  api: { readonly [M in K]: (input: MethodInput<M>) => Result<MethodOutput<M>> },
  run: <T>(fn: () => Result<T>) => Promise<Result<T>>,
): Pick<StationApi, K> {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries<(input: never) => Result<unknown>>(api)) out[name] = (input: never) => run(() => fn(input));
  return out as Pick<StationApi, K>;
}

function storageError(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  // Disk full, I/O error, locked: the station may recover; say so rather than "internal".
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return err('unavailable', `Could not save: ${message}`);
  return err('internal', message);
}
