/**
 * The one contract between the station service and the UI. Both hosts (Electron IPC and the
 * loopback WebSocket of the browser host) are built from these tables, so a method or event
 * is declared exactly once: its name, its argument schema and its result schema.
 */
import { z } from 'zod/mini';
import {
  checkInOutcomeSchema,
  deviceStatusSchema,
  guestCheckInSchema,
  stationInfoSchema,
  workerCategorySchema,
  cardErrorReasonSchema,
} from './domain';
import {
  claimLockerInputSchema,
  claimOutcomeSchema,
  lockerAvailabilitySchema,
  lockerEventSchema,
  lockerViewSchema,
  openMyLockerInputSchema,
  recoverPickupCodeInputSchema,
  recoverPickupCodeOutcomeSchema,
  retrieveOutcomeSchema,
  stewardLockerActionSchema,
  stewardPinSchema,
  stewardSetupSchema,
  setUpStewardInputSchema,
} from './lockers';
import { syncStatusSchema } from './upstream-sync-status';
import type { Result } from './result';

/** A method takes one validated argument (or none) and resolves to a `Result`. */
interface MethodSpec<I extends z.ZodMiniType, O extends z.ZodMiniType> {
  readonly input: I;
  readonly output: O;
}

function method<I extends z.ZodMiniType, O extends z.ZodMiniType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

const noInput = z.undefined();
const empty = z.object({});

/** Every method of the station API. */
export const stationMethods = {
  /** Station name, opening info, today's offers and UI settings. */
  getStationInfo: method(noInput, stationInfoSchema),
  /**
   * The page's heartbeat: answers at once, touching no storage or device. `instance` is random
   * per start of the service, so the page can tell a restarted service (whose card passes
   * are void) from the one it knew.
   */
  ping: method(noInput, z.object({ instance: z.string().check(z.minLength(1), z.maxLength(64)) })),
  /**
   * A card number typed by a keyboard-wedge reader, as captured by the UI's keystroke
   * classifier (Enter stripped). Fails with `unreadable-card` when no card id can be made
   * of it, and with `rate-limited` (nothing logged, no card pass) when reads come faster than
   * a person at a reader can tap: a short burst, then about one a second.
   */
  submitWedgeRead: method(z.object({ text: z.string().check(z.minLength(1), z.maxLength(64)) }), checkInOutcomeSchema),
  /** A worker without a card comes in as a guest. */
  guestCheckIn: method(noInput, guestCheckInSchema),
  /** First-visit category for the card of this visit; `null` means skipped. */
  setWorkerCategory: method(
    z.object({ visitId: z.int().check(z.positive()), category: z.nullable(workerCategorySchema) }),
    empty,
  ),
  /** "I'm interested" on the join-the-union screen. */
  registerJoinInterest: method(z.object({ from: z.enum(['attract', 'guest']) }), empty),
  /** Health of every configured device. */
  getDeviceStatus: method(noInput, z.array(deviceStatusSchema)),
  /** Whether "Charge my phone" can work now, and free lockers per cable. */
  getLockerAvailability: method(noInput, lockerAvailabilitySchema),
  /** Picks a free working locker with the cable and opens its door (trying another if a lock fails). */
  claimLocker: method(claimLockerInputSchema, claimOutcomeSchema),
  /** Opens the locker a card pass, or a locker number with its pickup code, holds. Wrong codes count towards that locker's lockout. */
  openMyLocker: method(openMyLockerInputSchema, retrieveOutcomeSchema),
  /** A guest's pickup code again, while that locker's door is still open for the phone (see the outcome). */
  recoverPickupCode: method(recoverPickupCodeInputSchema, recoverPickupCodeOutcomeSchema),
  /** Every locker with its state and session, for stewards. `forbidden` on a wrong PIN. */
  listLockers: method(z.object({ pin: stewardPinSchema }), z.array(lockerViewSchema)),
  /** A steward's remote open, fault marking or session end; audited with the reason. */
  stewardLockerAction: method(stewardLockerActionSchema, empty),
  /** Whether no steward PIN exists yet, so the steward panel asks for the setup code first. */
  getStewardSetup: method(noInput, stewardSetupSchema),
  /**
   * Sets the first steward PIN with the one-time setup code printed on the station console.
   * `forbidden` for a wrong code (counted towards the PIN lockout) or when a PIN exists.
   */
  setUpSteward: method(setUpStewardInputSchema, empty),
  /** The upstream link: queue length, oldest item, last success and error; `not-configured` without a collector. */
  getSyncStatus: method(noInput, syncStatusSchema),
} as const;

/** Events pushed from the service to the UI. */
export const stationEvents = {
  /** A card was read by a service-side reader (serial, HID) and the visit logic ran. */
  checkIn: z.object({ deviceId: z.string(), outcome: checkInOutcomeSchema }),
  /** A reader produced bytes that are not a card: tell the worker to tap again. */
  cardError: z.object({ deviceId: z.string(), reason: cardErrorReasonSchema }),
  /** One or more devices changed state. Always carries the full list. */
  deviceStatus: z.object({ devices: z.array(deviceStatusSchema) }),
  /** A locker session moved on (door shut, left open, session over). */
  locker: lockerEventSchema,
  /**
   * Locker availability changed (a locker taken or freed, a board or bus lost or back, a door
   * left open or shut). Sent only when the value differs from the last one sent.
   */
  lockerAvailability: lockerAvailabilitySchema,
  /**
   * Something was refused in the screen's name, so the screen says so: `wedge-reads-refused`
   * when card reads came faster than a person can tap (`refused` counts this run of refusals).
   * At most one per second.
   */
  screenNotice: z.object({ kind: z.literal('wedge-reads-refused'), refused: z.int().check(z.positive()) }),
} as const;

export type StationMethods = typeof stationMethods;
export type MethodName = keyof StationMethods;
export type EventName = keyof typeof stationEvents;

export type MethodInput<M extends MethodName> = z.input<StationMethods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<StationMethods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof stationEvents)[E]>;

type MethodArgs<M extends MethodName> = MethodInput<M> extends undefined ? [] : [MethodInput<M>];

/** The station API as the UI sees it: every method resolves, never rejects. */
export type StationApi = {
  [M in MethodName]: (...args: MethodArgs<M>) => Promise<Result<MethodOutput<M>>>;
};

/** Listener registration; the returned function unsubscribes. */
export type StationEventSource = {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** What the renderer holds: the API plus its events. */
export type StationClient = StationApi & StationEventSource;

export const METHOD_NAMES = Object.keys(stationMethods) as MethodName[];
export const EVENT_NAMES = Object.keys(stationEvents) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(stationMethods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(stationEvents, name);
}
