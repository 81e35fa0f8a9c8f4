/**
 * The contract by section, for a client that loads each section's schemas only when it first
 * needs them (the kiosk page: only the check-in section ships with the first screen). Which
 * section every method and event belongs to is listed here by name, checked against the
 * sections themselves: a method missing, extra or filed under the wrong section fails
 * type-checking. This module holds no schema itself; `loadSection` fetches one section's.
 */
import type { EventName, MethodName } from './contract';
import type { MethodSpec } from './contract-method';
import type { z } from 'zod/mini';

/** One section's answer and event schemas, as a client checks what it receives. */
export interface SectionSchemas {
  readonly methods: { readonly [method: string]: MethodSpec<z.ZodMiniType, z.ZodMiniType> };
  readonly events: { readonly [event: string]: z.ZodMiniType };
}

function section<M extends SectionSchemas['methods'], E extends SectionSchemas['events'] = Record<never, never>>(
  methods: M,
  events?: E,
): { readonly methods: M; readonly events: E } {
  return { methods, events: events ?? ({} as E) };
}

/**
 * Every section as its own chunk. Adding a section to `contract.ts` means adding it here and
 * filing its names below; the type checker points at each place.
 */
const LOADERS = {
  checkIn: () => import('./check-in').then((m) => section(m.checkInMethods, m.checkInEvents)),
  lockers: () => import('./lockers').then((m) => section(m.lockerMethods, m.lockerEvents)),
  steward: () => import('./steward').then((m) => section(m.stewardMethods, m.stewardEvents)),
  stewardRecords: () => import('./steward-records').then((m) => section(m.stewardRecordMethods, m.stewardRecordEvents)),
  printing: () => import('./printing').then((m) => section(m.printingMethods)),
  handwriting: () => import('./handwriting').then((m) => section(m.handwritingMethods)),
  upstream: () => import('./upstream-sync-status').then((m) => section(m.upstreamMethods)),
  operations: () => import('./operations').then((m) => section(m.operationsMethods)),
  wishes: () => import('./wishes').then((m) => section(m.wishMethods)),
  screenDimming: () => import('./screen-dimming').then((m) => section(m.screenDimmingMethods)),
} as const;

export type SectionName = keyof typeof LOADERS;
type Loaded<S extends SectionName> = Awaited<ReturnType<(typeof LOADERS)[S]>>;
type MethodSection<M extends string> = { [S in SectionName]: M extends keyof Loaded<S>['methods'] ? S : never }[SectionName];
type EventSection<E extends string> = { [S in SectionName]: E extends keyof Loaded<S>['events'] ? S : never }[SectionName];

/** The section of every method of the contract. */
export const METHOD_SECTIONS = {
  getStationInfo: 'checkIn',
  ping: 'checkIn',
  submitWedgeRead: 'checkIn',
  guestCheckIn: 'checkIn',
  setWorkerCategory: 'checkIn',
  registerJoinInterest: 'checkIn',
  getDeviceStatus: 'checkIn',
  getLockerAvailability: 'lockers',
  claimLocker: 'lockers',
  openMyLocker: 'lockers',
  releaseCardPass: 'lockers',
  recoverPickupCode: 'lockers',
  listLockers: 'lockers',
  stewardLockerAction: 'lockers',
  openAllLockers: 'lockers',
  openStewardSignIn: 'steward',
  closeStewardSignIn: 'steward',
  signInSteward: 'steward',
  signOutSteward: 'steward',
  setUpSteward: 'steward',
  getConsoleDevices: 'steward',
  listExportTables: 'steward',
  exportCsv: 'steward',
  listExportFolders: 'steward',
  listStewardAudit: 'steward',
  getUsage: 'stewardRecords',
  listSupplies: 'stewardRecords',
  recordStock: 'stewardRecords',
  saveSupplyItem: 'stewardRecords',
  supplyHistory: 'stewardRecords',
  recordInspection: 'stewardRecords',
  listInspections: 'stewardRecords',
  getCurrentNotices: 'stewardRecords',
  listNotices: 'stewardRecords',
  saveNotice: 'stewardRecords',
  deleteNotice: 'stewardRecords',
  printPickupSlip: 'printing',
  getHandwritingAvailability: 'handwriting',
  recogniseHandwriting: 'handwriting',
  getSyncStatus: 'upstream',
  getStorageStatus: 'operations',
  listWishes: 'wishes',
  getWishRotation: 'wishes',
  postWish: 'wishes',
  meTooWish: 'wishes',
  listWishesForModeration: 'wishes',
  moderateWish: 'wishes',
  setWishModerationMode: 'wishes',
  getScreenDimming: 'screenDimming',
} as const satisfies { readonly [M in MethodName]: MethodSection<M> };

/** The section of every event of the contract. */
export const EVENT_SECTIONS = {
  checkIn: 'checkIn',
  cardError: 'checkIn',
  deviceStatus: 'checkIn',
  screenNotice: 'checkIn',
  locker: 'lockers',
  lockerAvailability: 'lockers',
  stewardCard: 'steward',
  noticesChanged: 'stewardRecords',
} as const satisfies { readonly [E in EventName]: EventSection<E> };

/** Every method name, in the order listed above. */
export const SECTIONED_METHOD_NAMES = Object.keys(METHOD_SECTIONS) as MethodName[];

/** Fetches one section's schemas (its own chunk in the page's build). */
export function loadSection(name: SectionName): Promise<SectionSchemas> {
  return LOADERS[name]();
}
