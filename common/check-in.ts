/**
 * The check-in capability's section of the station contract (see `contract.ts`): station
 * info, the heartbeat, card and guest check-in, and device health. Its values live in
 * `domain.ts`.
 */
import * as z from 'zod/mini';
import { empty, method, noInput } from './contract-method';
import {
  cardErrorReasonSchema,
  checkInOutcomeSchema,
  deviceStatusSchema,
  guestCheckInSchema,
  stationInfoSchema,
  workerCategorySchema,
} from './domain';

/** What a wedge read did: a check-in, or a steward card taken for the console's sign-in. */
export const wedgeReadOutcomeSchema = z.union([checkInOutcomeSchema, z.object({ kind: z.literal('steward-card') })]);
export type WedgeReadOutcome = z.infer<typeof wedgeReadOutcomeSchema>;

/** Check-in methods. */
export const checkInMethods = {
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
   * a person at a reader can tap: a short burst, then about one a second. A steward's card
   * read while the console's sign-in waits for one is `steward-card`: no visit, and the
   * sign-in goes on as for a serial reader (the `stewardCard` event).
   */
  submitWedgeRead: method(z.object({ text: z.string().check(z.minLength(1), z.maxLength(64)) }), wedgeReadOutcomeSchema),
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
} as const;

/** Check-in events pushed from the service to the UI. */
export const checkInEvents = {
  /** A card was read by a service-side reader (serial, HID) and the visit logic ran. */
  checkIn: z.object({ deviceId: z.string(), outcome: checkInOutcomeSchema }),
  /** A reader produced bytes that are not a card: tell the worker to tap again. */
  cardError: z.object({ deviceId: z.string(), reason: cardErrorReasonSchema }),
  /** One or more devices changed state. Always carries the full list. */
  deviceStatus: z.object({ devices: z.array(deviceStatusSchema) }),
  /**
   * Something was refused in the screen's name, so the screen says so: `wedge-reads-refused`
   * when card reads came faster than a person can tap (`refused` counts this run of refusals).
   * At most one per second.
   */
  screenNotice: z.object({ kind: z.literal('wedge-reads-refused'), refused: z.int().check(z.positive()) }),
} as const;
