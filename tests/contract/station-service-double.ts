/**
 * Test double of the station service for the contract tests: canned valid answers for every
 * method, a switch that makes every method throw, and a real (in-process) event bus. It
 * records the arguments each method received so tests can see what crossed the boundary.
 */
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, StationApi } from '../../common/contract';
import { ok } from '../../common/result';
import type { WishNote } from '../../common/wishes';
import type { StationEventBus, StationService } from '../../electron/service-contract';

const S = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const NOTICE = { kind: 'event', title: { 'zh-CN': '免费理发', en: 'Free haircut' }, body: { 'zh-CN': '', en: '' }, startMinute: 840, endMinute: 1020, days: 127, active: true } as const;
const SUPPLY = { id: 1, name: { 'zh-CN': '饮用水', en: 'Drinking water' }, unit: { 'zh-CN': '瓶', en: 'bottles' }, season: 'all', lowAt: 12, active: true, stock: 3, low: true } as const;
const INSPECTION: MethodOutput<'recordInspection'> = { id: 5, atMs: 1_700_000_000_000, stewardName: '王芳', failed: 1, results: [{ item: 'microwave', passed: false, note: '不加热' }] };
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
  getUsage: { session: S, range: '7d' },
  listSupplies: { session: S },
  recordStock: { session: S, itemId: 1, kind: 'restock', quantity: 24, note: null },
  saveSupplyItem: { session: S, id: null, fields: { name: { 'zh-CN': '雨衣', en: 'Raincoats' }, unit: { 'zh-CN': '件', en: 'coats' }, season: 'all', lowAt: 2, active: true } },
  supplyHistory: { session: S, itemId: 1 },
  recordInspection: { session: S, results: [{ item: 'clean', passed: true, note: null }] },
  listInspections: { session: S, limit: 10 },
  getCurrentNotices: undefined,
  listNotices: { session: S },
  saveNotice: { session: S, id: null, fields: NOTICE },
  deleteNotice: { session: S, id: 3 },
  openStewardSignIn: undefined,
  closeStewardSignIn: undefined,
  signInSteward: { pending: SESSION, pin: '2468' },
  signOutSteward: { session: SESSION },
  setUpSteward: { setupCode: '40918273', pin: '2468' },
  listStewardAudit: { session: SESSION, limit: 50 },
  getConsoleDevices: { session: SESSION },
  listExportTables: { session: SESSION },
  exportCsv: { session: SESSION, tables: ['visits'], fromMs: 1_700_000_000_000, toMs: 1_700_086_400_000, folder: '/media/usb' },
  listExportFolders: { session: SESSION },
  releaseCardPass: { cardPass: '0123456789abcdef0123456789abcdef' },
  printPickupSlip: { sessionId: 4, lockerNumber: 12, language: 'zh-CN' },
  getHandwritingAvailability: undefined,
  recogniseHandwriting: { strokes: [[[10, 10], [90, 10]]], width: 100, height: 100 },
  getStorageStatus: undefined,
  listWishes: { page: 0, pageSize: 12 },
  getWishRotation: undefined,
  postWish: { pass: '0123456789abcdef0123456789abcdef', category: 'thanks', text: '谢谢驿站', sticker: 'heart' },
  meTooWish: { pass: '0123456789abcdef0123456789abcdef', id: 3 },
  listWishesForModeration: { session: S, filter: 'held', page: 0 },
  moderateWish: { session: S, id: 3, action: { kind: 'hide', reason: 'Personal attack' } },
  setWishModerationMode: { session: S, mode: 'approval' },
  getScreenDimming: undefined,
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
  getUsage: { session: S, range: 'year' },
  listSupplies: { session: 'short' },
  recordStock: { session: S, itemId: 1, kind: 'restock', quantity: -3, note: null },
  saveSupplyItem: { session: S, id: null, fields: { name: { 'zh-CN': '', en: '' }, unit: { 'zh-CN': '件', en: 'coats' }, season: 'spring', lowAt: 2, active: true } },
  supplyHistory: { session: S, itemId: 0 },
  recordInspection: { session: S, results: [{ item: 'roof', passed: 'yes', note: null }] },
  listInspections: { session: S, limit: 0 },
  getCurrentNotices: { all: true },
  listNotices: {},
  saveNotice: { session: S, id: null, fields: { ...NOTICE, startMinute: 1020, endMinute: 840 } },
  deleteNotice: { session: S, id: -1 },
  openStewardSignIn: { pin: '2468' },
  closeStewardSignIn: 7,
  signInSteward: { pending: null, pin: '12' },
  signOutSteward: {},
  setUpSteward: { setupCode: '1234', pin: '2468' },
  listStewardAudit: { session: SESSION, limit: 0 },
  getConsoleDevices: { session: 7 },
  listExportTables: {},
  exportCsv: { session: SESSION, tables: ['Visits!'], fromMs: 0, toMs: 1, folder: '' },
  listExportFolders: { session: 'short' },
  releaseCardPass: { cardPass: 'not-a-pass' },
  printPickupSlip: { sessionId: 4, lockerNumber: 12, language: 'fr' },
  getHandwritingAvailability: { all: true },
  recogniseHandwriting: { strokes: [], width: 100, height: 100 },
  getStorageStatus: { probe: true },
  listWishes: { page: -1, pageSize: 12 },
  getWishRotation: { all: true },
  postWish: { pass: '0123456789abcdef0123456789abcdef', category: 'rant', text: 'x', sticker: null },
  meTooWish: { pass: 'short', id: 3 },
  listWishesForModeration: { session: 'short', filter: 'held', page: 0 },
  moderateWish: { session: S, id: 3, action: { kind: 'hide', reason: '' } },
  setWishModerationMode: { session: S, mode: 'never' },
  getScreenDimming: 'tonight',
};

const WISH_NOTE: WishNote = {
  id: 3, category: 'thanks', text: '谢谢驿站 138****5678', sticker: 'heart', pinned: false, done: false, meToo: 4,
  reply: null, createdAtMs: 1_700_000_000_000,
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
  openAllLockers: { opened: [1, 2], failed: [{ lockerNumber: 3, reason: 'jammed' }], boards: [{ bus: 'wall', board: 1, method: 'board-command', commandUnanswered: false, lockers: [1, 2, 3] }] },
  openStewardSignIn: { needsSetup: false, pinOnly: true },
  closeStewardSignIn: {},
  signInSteward: { kind: 'wrong-pin', attemptsLeft: 4 },
  signOutSteward: {},
  setUpSteward: { session: SESSION, name: 'First steward', role: 'cadre', idleSeconds: 120 },
  getConsoleDevices: {
    devices: [{ id: 'door', kind: 'card-reader', name: 'Door reader', simulated: true, state: 'online', detail: '', lastSeenAtMs: 1_700_000_000_000, errors: 2, reopens: 1 }],
    countedSinceMs: 1_699_990_000_000,
    sync: { state: 'not-configured', collector: null, queueLength: 0, oldestItemAtMs: null, rejectedItems: 0, lastSuccessAtMs: null, lastError: null, clockSkewMs: null, nextAttemptAtMs: null, pulls: [] },
  },
  listExportTables: ['visits', 'locker-sessions'],
  exportCsv: { files: [{ table: 'visits', path: '/media/usb/st-test-visits-20231114-20231114.csv', rows: 12, bytes: 640 }] },
  listExportFolders: [{ path: '/media/kiosk/UNION-USB', label: 'UNION-USB' }],
  listStewardAudit: [{ id: 1, atMs: 1_700_000_000_000, stewardName: '王芳', action: 'locker.remote-open', subject: 'locker 3', reason: '手机忘在柜里' }],
  getSyncStatus: {
    state: 'backing-off', collector: 'https://collector.example.org', queueLength: 3, oldestItemAtMs: 1_700_000_000_000,
    rejectedItems: 0, lastSuccessAtMs: null, lastError: { atMs: 1_700_000_060_000, message: 'connect ECONNREFUSED' },
    clockSkewMs: null, nextAttemptAtMs: 1_700_000_120_000,
    pulls: [{ kind: 'words', etag: '"w1"', lastPullAtMs: 1_700_000_000_000, lastChangeAtMs: 1_699_000_000_000, lastError: null, nextPullAtMs: 1_700_000_300_000 }],
  },
  getUsage: {
    range: 'today', startMs: 1_764_518_400_000, endMs: 1_764_604_800_000,
    byHour: Array.from({ length: 24 }, (_, h) => ({ members: h, guests: 1 })),
    byDay: [{ startMs: 1_764_518_400_000, date: '2025-12-01', members: 276, guests: 24 }],
    members: 276, guests: 24, uniqueWorkers: 40,
    categories: { 'food-delivery': 20, courier: 10, 'ride-hailing': 5, sanitation: 3, other: 1, unanswered: 1 },
    charging: { sessions: 12, ended: 10, averageMinutes: 47 }, joinInterest: 3, wishPosts: 0,
  },
  listSupplies: { items: [SUPPLY], alerts: [{ id: 1, itemId: 1, openedMs: 1_700_000_000_000, stock: 3, lowAt: 12 }] },
  recordStock: { item: SUPPLY, alertOpened: true, alertCleared: false },
  saveSupplyItem: SUPPLY,
  supplyHistory: [{ id: 9, itemId: 1, atMs: 1_700_000_000_000, kind: 'count', quantity: 3, stockAfter: 3, consumed: 21, note: null }],
  recordInspection: INSPECTION,
  listInspections: [INSPECTION],
  getCurrentNotices: { notices: [{ ...NOTICE, id: 3, updatedMs: 1_700_000_000_000 }], nextChangeMs: 1_700_003_600_000 },
  listNotices: [{ ...NOTICE, id: 3, updatedMs: 1_700_000_000_000 }],
  saveNotice: { ...NOTICE, id: 3, updatedMs: 1_700_000_000_000 },
  deleteNotice: {},
  printPickupSlip: { kind: 'printed' },
  getHandwritingAvailability: { available: false, reason: 'recogniser-missing' },
  recogniseHandwriting: { candidates: [{ text: '一', score: 0.62 }, { text: '二', score: -0.3 }] },
  getStorageStatus: {
    state: 'full', freeBytes: 4096, totalBytes: 2_097_152, lastFullAtMs: 1_700_000_030_000, clock: 'ok', lastBackupAtMs: 1_699_990_000_000,
  },
  listWishes: { notes: [WISH_NOTE], page: 0, pageCount: 1, total: 1, maxLength: 140 },
  getWishRotation: [WISH_NOTE],
  postWish: { kind: 'posted', note: WISH_NOTE },
  meTooWish: { kind: 'counted', meToo: 5 },
  listWishesForModeration: {
    notes: [{ ...WISH_NOTE, state: 'pending', heldFor: 'words', hits: ['刷单'], hiddenReason: null, updatedAtMs: 1_700_000_000_000 }],
    pageCount: 1,
    mode: 'immediate',
  },
  moderateWish: { ...WISH_NOTE, state: 'hidden', heldFor: null, hits: [], hiddenReason: 'Personal attack', updatedAtMs: 1_700_000_100_000 },
  setWishModerationMode: {},
  getScreenDimming: { schedule: { from: '22:00', to: '06:00', level: 0.5, wakeSeconds: 120 } },
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
