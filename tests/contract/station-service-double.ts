/**
 * Test double of the station service for the contract tests: canned valid answers for every
 * method, a switch that makes every method throw, and a real (in-process) event bus. It
 * records the arguments each method received so tests can see what crossed the boundary.
 */
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, StationApi } from '../../common/contract';
import { ok } from '../../common/result';
import type { StationEventBus, StationService } from '../../electron/service-contract';

/** A well-formed steward session token. */
const SESSION = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A valid argument for every method; the mapped type makes a new method fail to compile here. */
export const VALID_ARGS: { [M in MethodName]: MethodInput<M> } = {
  getStationInfo: undefined,
  ping: undefined,
  submitWedgeRead: { text: '0012345678' },
  guestCheckIn: undefined,
  setWorkerCategory: { visitId: 7, category: 'courier' },
  registerJoinInterest: { from: 'attract' },
  getDeviceStatus: undefined,
  getLockerAvailability: undefined,
  claimLocker: { claimant: { kind: 'guest' }, cable: 'usb-c' },
  openMyLocker: { kind: 'guest', lockerNumber: 12, pickupCode: '042917' },
  recoverPickupCode: { lockerNumber: 12 },
  listLockers: { session: SESSION },
  stewardLockerAction: { session: SESSION, lockerNumber: 3, action: 'remote-open', reason: 'Phone left overnight' },
  openAllLockers: { session: SESSION, confirm: 'open-all', reason: 'Fire alarm' },
  getSyncStatus: undefined,
  openStewardSignIn: undefined,
  closeStewardSignIn: undefined,
  signInSteward: { pending: SESSION, pin: '2468' },
  signOutSteward: { session: SESSION },
  setUpSteward: { setupCode: '40918273', pin: '2468' },
  listStewardAudit: { session: SESSION, limit: 50 },
  getConsoleDevices: { session: SESSION },
  releaseCardPass: { cardPass: '0123456789abcdef0123456789abcdef' },
  printPickupSlip: { sessionId: 4, lockerNumber: 12, language: 'zh-CN' },
  getStorageStatus: undefined,
};

/** An argument every method's schema refuses. */
export const INVALID_ARGS: { [M in MethodName]: unknown } = {
  getStationInfo: { unexpected: true },
  ping: 'are you there',
  submitWedgeRead: { text: '' },
  guestCheckIn: 42,
  setWorkerCategory: { visitId: -1, category: 'astronaut' },
  registerJoinInterest: { from: 'nowhere' },
  getDeviceStatus: 'all',
  getLockerAvailability: { all: true },
  claimLocker: { claimant: { kind: 'member', cardPass: 'not-a-pass' }, cable: 'usb-c' },
  openMyLocker: { kind: 'guest', lockerNumber: 12, pickupCode: '12345' },
  recoverPickupCode: { lockerNumber: 0 },
  listLockers: { pin: '2468' },
  stewardLockerAction: { session: 'short', lockerNumber: 0, action: 'explode', reason: '' },
  openAllLockers: { session: SESSION, confirm: 'yes', reason: 'Fire alarm' },
  getSyncStatus: { now: true },
  openStewardSignIn: { pin: '2468' },
  closeStewardSignIn: 7,
  signInSteward: { pending: null, pin: '12' },
  signOutSteward: {},
  setUpSteward: { setupCode: '1234', pin: '2468' },
  listStewardAudit: { session: SESSION, limit: 0 },
  getConsoleDevices: { session: 7 },
  releaseCardPass: { cardPass: 'not-a-pass' },
  printPickupSlip: { sessionId: 4, lockerNumber: 12, language: 'fr' },
  getStorageStatus: { probe: true },
};

/** The answer each method of the double gives. */
export const ANSWERS: { [M in MethodName]: MethodOutput<M> } = {
  getStationInfo: {
    stationId: 'st-test',
    stationName: { 'zh-CN': '测试驿站', en: 'Test station' },
    openingInfo: { 'zh-CN': '全天开放', en: 'Open 24 hours' },
    todayOffers: [{ id: 'haircut', title: { 'zh-CN': '理发', en: 'Haircut' }, hours: '14:00–17:00', icon: 'scissors' }],
    joinUrl: 'https://example.org/join',
    idleTimeoutSeconds: 60,
    personalScreenSeconds: 15,
    defaultLocale: 'zh-CN',
    tapOutEnabled: true,
    readerPosition: 'below-right',
    spokenPrompts: true,
  },
  ping: { instance: 'a1b2c3d4e5f60718' },
  submitWedgeRead: { kind: 'welcome', visitId: 7, visitNumber: 1, needsCategory: true, category: null },
  guestCheckIn: { visitId: 8, guestVisitsToday: 3 },
  setWorkerCategory: {},
  registerJoinInterest: {},
  getDeviceStatus: [
    { id: 'door', kind: 'card-reader', name: 'Door reader', simulated: true, state: 'online', detail: '' },
  ],
  getLockerAvailability: { state: 'ready', free: [{ cable: 'usb-c', count: 3 }, { cable: 'lightning', count: 1 }, { cable: 'micro-usb', count: 0 }], maxMinutes: 240, doorsLeftOpen: [] },
  claimLocker: { kind: 'opened', sessionId: 4, lockerNumber: 12, pickupCode: '042917', maxMinutes: 240, skippedFaulty: [] },
  openMyLocker: { kind: 'wrong-code', attemptsLeft: 2 },
  recoverPickupCode: { kind: 'not-open' },
  releaseCardPass: {},
  listLockers: [{
    lockerNumber: 12, cable: 'usb-c', state: 'charging', doorClosed: true, itemPresent: null,
    session: { sessionId: 4, holder: 'guest', startedAtMs: 1_700_000_000_000, dueAtMs: 1_700_014_400_000, overdue: false },
  }],
  stewardLockerAction: {},
  openAllLockers: { opened: [1, 2], failed: [{ lockerNumber: 3, reason: 'jammed' }], boards: [{ bus: 'wall', board: 1, method: 'board-command' }] },
  openStewardSignIn: { needsSetup: false, pinOnly: true },
  closeStewardSignIn: {},
  signInSteward: { kind: 'wrong-pin', attemptsLeft: 4 },
  signOutSteward: {},
  setUpSteward: { session: SESSION, name: 'First steward', role: 'cadre', idleSeconds: 120 },
  getConsoleDevices: {
    devices: [{ id: 'door', kind: 'card-reader', name: 'Door reader', simulated: true, state: 'online', detail: '', lastSeenAtMs: 1_700_000_000_000, errors: 2, reopens: 1 }],
    sync: { state: 'not-configured', collector: null, queueLength: 0, oldestItemAtMs: null, rejectedItems: 0, lastSuccessAtMs: null, lastError: null, clockSkewMs: null, nextAttemptAtMs: null },
  },
  listStewardAudit: [{ id: 1, atMs: 1_700_000_000_000, stewardName: '王芳', action: 'locker.remote-open', subject: 'locker 3', reason: '手机忘在柜里' }],
  getSyncStatus: {
    state: 'backing-off', collector: 'https://collector.example.org', queueLength: 3, oldestItemAtMs: 1_700_000_000_000,
    rejectedItems: 0, lastSuccessAtMs: null, lastError: { atMs: 1_700_000_060_000, message: 'connect ECONNREFUSED' },
    clockSkewMs: null, nextAttemptAtMs: 1_700_000_120_000,
  },
  printPickupSlip: { kind: 'printed' },
  getStorageStatus: {
    state: 'full', freeBytes: 4096, totalBytes: 2_097_152, lastFullAtMs: 1_700_000_030_000, clock: 'ok', lastBackupAtMs: 1_699_990_000_000,
  },
};

export interface StationServiceDouble extends StationService {
  /** When set, every method throws this message instead of answering. */
  throwMessage: string | null;
  /** Arguments received, per method, in call order. */
  readonly received: { [M in MethodName]?: unknown[] };
  /** Emits a payload without type checks, to prove the client drops what fails the schema. */
  emitUnchecked(event: EventName, payload: unknown): void;
  readonly closed: boolean;
}

export function createEventBus(): StationEventBus {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
  };
}

export function createStationServiceDouble(): StationServiceDouble {
  const events = createEventBus();
  const received: { [M in MethodName]?: unknown[] } = {};
  const api = {} as Record<MethodName, (arg?: unknown) => Promise<unknown>>;
  const double: StationServiceDouble = {
    api: api as unknown as StationApi,
    events,
    throwMessage: null,
    received,
    closed: false,
    emitUnchecked(event, payload) {
      (events.emit as (e: EventName, p: unknown) => void)(event, payload);
    },
    async close() {
      (double as { closed: boolean }).closed = true;
    },
  };
  for (const name of Object.keys(ANSWERS) as MethodName[]) {
    api[name] = async (arg?: unknown) => {
      (received[name] ??= []).push(arg);
      if (double.throwMessage !== null) throw new Error(double.throwMessage);
      return ok(ANSWERS[name]);
    };
  }
  return double;
}
