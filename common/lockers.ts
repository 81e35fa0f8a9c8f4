/**
 * Charging-locker values that cross the service/UI boundary. Lockers are known to workers
 * and stewards only by their painted number; boards, buses and lock channels stay in the
 * service.
 *
 * Who may open a locker: a member proves a card was just tapped at this kiosk with the
 * `cardPass` from that tap's check-in outcome (opaque, single-card, seconds-lived); a guest
 * proves it with the locker number and the 6-digit pickup code shown when claiming.
 */
import * as z from 'zod/mini';
import { empty, method, noInput } from './contract-method';
import { withStewardSession } from './steward-session';

/** Phone cables a locker may have. */
export const cableTypeSchema = z.enum(['usb-c', 'lightning', 'micro-usb']);
export type CableType = z.infer<typeof cableTypeSchema>;
export const CABLE_TYPES: readonly CableType[] = cableTypeSchema.options;

/** Painted locker number, 1–999. */
export const lockerNumberSchema = z.int().check(z.gte(1), z.lte(999));

/**
 * Opaque proof of a card tap at this kiosk (see CheckInOutcome). Valid only about as long as
 * the personal screen that shows it (`personalScreenSeconds`), and void as soon as another
 * card is tapped.
 */
export const cardPassSchema = z.string().check(z.regex(/^[0-9a-f]{32}$/));

/** A guest's pickup code: exactly 6 digits. */
export const pickupCodeSchema = z.string().check(z.regex(/^[0-9]{6}$/));

/** The locker a card currently holds, shown when that card is tapped again. */
export const heldLockerSchema = z.object({
  sessionId: z.int().check(z.positive()),
  lockerNumber: lockerNumberSchema,
  /** Epoch ms the door was shut with the phone inside; null while the door is still open. */
  startedAtMs: z.nullable(z.int()),
  /** Epoch ms after which the session is overdue. */
  dueAtMs: z.int(),
});
export type HeldLocker = z.infer<typeof heldLockerSchema>;

/** Whether the "Charge my phone" button can work right now, and for which cables. */
export const lockerAvailabilitySchema = z.object({
  /**
   * `ready`: at least one locker is free. `full`: all in use. `offline`: every bus is offline
   * (check-in still works). `none`: this station has no lockers configured.
   */
  state: z.enum(['ready', 'full', 'offline', 'none']),
  /** Free working lockers per cable type (0 where none). */
  free: z.array(
    z.object({
      cable: cableTypeSchema,
      count: z.int().check(z.nonnegative()),
      /**
       * Epoch ms the soonest charging session with this cable is due (so when one is expected
       * to free up); null or absent when none is charging.
       */
      nextDueAtMs: z.optional(z.nullable(z.int())),
    }),
  ),
  /** Longest session before it is overdue, minutes. */
  maxMinutes: z.int().check(z.positive()),
  /**
   * Lockers whose door has been open longer than the alarm limit, lowest first; every screen
   * shows and sounds the alarm until each is shut.
   */
  doorsLeftOpen: z.array(lockerNumberSchema),
});
export type LockerAvailability = z.infer<typeof lockerAvailabilitySchema>;

/** Who claims: a member with a fresh card pass, or a guest. */
export const claimantSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), cardPass: cardPassSchema }),
  z.object({ kind: z.literal('guest') }),
]);

export const claimLockerInputSchema = z.object({
  claimant: claimantSchema,
  cable: cableTypeSchema,
});

/** What a claim did. The door is open when `kind` is `opened`. */
export const claimOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('opened'),
    sessionId: z.int().check(z.positive()),
    lockerNumber: lockerNumberSchema,
    /**
     * Guests only, shown in large type. Returned again only by `recoverPickupCode` while this
     * door is still open for the phone to go in.
     */
    pickupCode: z.nullable(pickupCodeSchema),
    maxMinutes: z.int().check(z.positive()),
    /** Lockers tried first that would not open (now marked faulty), in order. */
    skippedFaulty: z.array(lockerNumberSchema),
  }),
  /** This card (or, for guests, nobody) already holds a locker: here it is. */
  z.object({ kind: z.literal('already-holding'), locker: heldLockerSchema }),
  /** No free working locker with that cable. */
  z.object({ kind: z.literal('none-free') }),
]);
export type ClaimOutcome = z.infer<typeof claimOutcomeSchema>;

export const openMyLockerInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), cardPass: cardPassSchema }),
  z.object({ kind: z.literal('guest'), lockerNumber: lockerNumberSchema, pickupCode: pickupCodeSchema }),
]);

/** "I lost my code" at the open door: the locker the guest is standing at. */
export const recoverPickupCodeInputSchema = z.object({ lockerNumber: lockerNumberSchema });

/**
 * The code again, once per claim and only while that locker's door has not yet been shut on
 * the phone; `not-open` otherwise (also for a second request, and for a locker with no guest
 * session, so the reply tells nothing about other lockers). Each showing is logged.
 */
export const recoverPickupCodeOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('code'),
    sessionId: z.int().check(z.positive()),
    lockerNumber: lockerNumberSchema,
    pickupCode: pickupCodeSchema,
    maxMinutes: z.int().check(z.positive()),
  }),
  z.object({ kind: z.literal('not-open') }),
]);
export type RecoverPickupCodeOutcome = z.infer<typeof recoverPickupCodeOutcomeSchema>;

/** What a retrieve did. The session ends when the door is shut again (and empty, where sensed). */
export const retrieveOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), sessionId: z.int().check(z.positive()), lockerNumber: lockerNumberSchema }),
  /** The card holds no locker. */
  z.object({ kind: z.literal('no-locker') }),
  /** Not the live pickup code of that locker; `attemptsLeft` (for that locker) before its lockout. */
  z.object({ kind: z.literal('wrong-code'), attemptsLeft: z.int().check(z.nonnegative()) }),
  /** Too many wrong codes for that locker: try again after this many seconds. Other lockers are not affected. */
  z.object({ kind: z.literal('locked-out'), retryAfterSeconds: z.int().check(z.positive()) }),
  /** The lock would not open; stewards have been told. */
  z.object({ kind: z.literal('lock-failed'), lockerNumber: lockerNumberSchema }),
]);
export type RetrieveOutcome = z.infer<typeof retrieveOutcomeSchema>;

/** Pushed as sessions move on, for the screen the worker is looking at. */
export const lockerEventSchema = z.object({
  kind: z.enum([
    /** The door was shut with the phone inside: charging, the clock runs. */
    'session-started',
    /** The door has been open longer than the alarm limit (default 60 s). */
    'door-left-open',
    /** The door was shut again after retrieving: the session is over. */
    'session-ended',
    /** A claim whose door was never shut was released after `claimReleaseMinutes`: the locker is free again. */
    'claim-released',
  ]),
  sessionId: z.int().check(z.positive()),
  lockerNumber: lockerNumberSchema,
});
export type LockerEvent = z.infer<typeof lockerEventSchema>;

/** One locker as stewards see it. */
export const lockerViewSchema = z.object({
  lockerNumber: lockerNumberSchema,
  cable: cableTypeSchema,
  state: z.enum(['free', 'claimed', 'charging', 'retrieving', 'faulty', 'disabled', 'offline']),
  doorClosed: z.nullable(z.boolean()),
  itemPresent: z.nullable(z.boolean()),
  session: z.nullable(
    z.object({
      sessionId: z.int().check(z.positive()),
      holder: z.enum(['member', 'guest']),
      startedAtMs: z.nullable(z.int()),
      dueAtMs: z.int(),
      overdue: z.boolean(),
      /**
       * Epoch ms the door was opened for this session (claim or collection) while it is still
       * open, so stewards see how long; absent when the door is shut or not known open.
       */
      doorOpenSinceMs: z.optional(z.int()),
    }),
  ),
});
export type LockerView = z.infer<typeof lockerViewSchema>;

export const stewardLockerActionSchema = withStewardSession({
  lockerNumber: lockerNumberSchema,
  action: z.enum(['remote-open', 'mark-faulty', 'mark-repaired', 'end-session', 'clear-lockout']),
  /** Why, in the steward's words; kept in the audit log. */
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

/** Emergency: every locker's door, after the steward confirmed twice (the second confirm is this literal). */
export const openAllLockersInputSchema = withStewardSession({
  confirm: z.literal('open-all'),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

/** What "open all" did, per locker number. */
export const openAllOutcomeSchema = z.object({
  opened: z.array(lockerNumberSchema),
  /**
   * Lockers that did not open, lowest first. `reason`: `jammed`, `no-reply`, `bus-offline`,
   * `bad-address` (from the lock), `offline` (its board unreachable, not tried) or `busy`.
   */
  failed: z.array(z.object({ lockerNumber: lockerNumberSchema, reason: z.string() })),
  /** How each board was opened: one board command where the board has it, else one lock at a time. */
  boards: z.array(
    z.object({
      bus: z.string(),
      board: z.int(),
      method: z.enum(['board-command', 'one-by-one']),
      /** The board has the command but did not answer it, so its locks were opened one at a time. */
      commandUnanswered: z.boolean(),
      /** The lockers on this board, lowest first (which of them opened: `opened` / `failed`). */
      lockers: z.array(lockerNumberSchema),
    }),
  ),
});
export type OpenAllOutcome = z.infer<typeof openAllOutcomeSchema>;

/** The lockers capability's section of the station contract (see `contract.ts`). */
export const lockerMethods = {
  /** Whether "Charge my phone" can work now, and free lockers per cable. */
  getLockerAvailability: method(noInput, lockerAvailabilitySchema),
  /** Picks a free working locker with the cable and opens its door (trying another if a lock fails). */
  claimLocker: method(claimLockerInputSchema, claimOutcomeSchema),
  /** Opens the locker a card pass, or a locker number with its pickup code, holds. Wrong codes count towards that locker's lockout. */
  openMyLocker: method(openMyLockerInputSchema, retrieveOutcomeSchema),
  /**
   * The screen holding this card pass has gone (Done, Back to the start, its countdown, the
   * idle timeout): the pass opens nothing from now on. Always `{}`, also for an unknown or
   * spent pass, so the answer tells nothing.
   */
  releaseCardPass: method(z.object({ cardPass: cardPassSchema }), empty),
  /** A guest's pickup code again, while that locker's door is still open for the phone (see the outcome). */
  recoverPickupCode: method(recoverPickupCodeInputSchema, recoverPickupCodeOutcomeSchema),
  /** Every locker with its state and session, for stewards. `forbidden` without a live steward session. */
  listLockers: method(withStewardSession({}), z.array(lockerViewSchema)),
  /** A steward's remote open, fault marking or session end; audited with who and the reason. */
  stewardLockerAction: method(stewardLockerActionSchema, empty),
  /** Emergency: opens every locker (board-wide command where the board has one); audited. */
  openAllLockers: method(openAllLockersInputSchema, openAllOutcomeSchema),
} as const;

/** Locker events pushed from the service to the UI. */
export const lockerEvents = {
  /** A locker session moved on (door shut, left open, session over). */
  locker: lockerEventSchema,
  /**
   * Locker availability changed (a locker taken or freed, a board or bus lost or back, a door
   * left open or shut). Sent only when the value differs from the last one sent.
   */
  lockerAvailability: lockerAvailabilitySchema,
} as const;
