/**
 * Domain schemas shared by the service and the UI. Every value that crosses the boundary is
 * described here once, as a runtime schema; the TypeScript types are inferred from it.
 */
import * as z from 'zod/mini';
import { cardPassSchema, heldLockerSchema } from './lockers';
import { wishPassSchema } from './wishes';

/** UI languages. zh-CN is the default everywhere. */
export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;
export const LOCALES: readonly Locale[] = localeSchema.options;

/** The categories a worker picks (once) on a first visit. */
export const workerCategorySchema = z.enum([
  'food-delivery',
  'courier',
  'ride-hailing',
  'sanitation',
  'other',
]);
export type WorkerCategory = z.infer<typeof workerCategorySchema>;
export const WORKER_CATEGORIES: readonly WorkerCategory[] = workerCategorySchema.options;

/** Text the station operator configures in both languages. */
export const localizedTextSchema = z.object({
  'zh-CN': z.string().check(z.maxLength(500)),
  en: z.string().check(z.maxLength(500)),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** One service offered at the station today (haircut, health check, counselling…). */
export const stationOfferSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  title: localizedTextSchema,
  /** Free-form hours as shown, e.g. "14:00–17:00"; empty when all day. */
  hours: z.string().check(z.maxLength(40)),
  /** Icon name from the renderer's icon set; unknown names fall back to a generic icon. */
  icon: z.string().check(z.maxLength(40)),
});
export type StationOffer = z.infer<typeof stationOfferSchema>;

/**
 * Where the card reader sits, seen by a worker facing the screen: the attract screen's arrow
 * points there.
 */
export const readerPositionSchema = z.enum(['below', 'below-left', 'below-right', 'left', 'right', 'above']);
export type ReaderPosition = z.infer<typeof readerPositionSchema>;

/** Everything the attract and welcome screens need to know about the station. */
export const stationInfoSchema = z.object({
  stationId: z.string(),
  stationName: localizedTextSchema,
  openingInfo: localizedTextSchema,
  todayOffers: z.array(stationOfferSchema),
  /** Sign-up link encoded in the join-the-union QR code. */
  joinUrl: z.string().check(z.maxLength(2000)),
  /** Seconds of no touch before any screen returns to the attract screen. */
  idleTimeoutSeconds: z.int().check(z.gte(5), z.lte(3600)),
  /**
   * Seconds a personal screen (one showing a member's card pass: welcome, locker offers) stays
   * after the tap before it clears itself, with a visible countdown. The card pass dies with it.
   */
  personalScreenSeconds: z.int().check(z.gte(5), z.lte(120)),
  defaultLocale: localeSchema,
  /** When true, a second tap of the same card (after the minimum stay) records leaving. */
  tapOutEnabled: z.boolean(),
  readerPosition: readerPositionSchema,
  /** Spoken prompts for the main moments (tap your card, welcome, locker open, shut the door); false mutes them. */
  spokenPrompts: z.boolean(),
});
export type StationInfo = z.infer<typeof stationInfoSchema>;

/** What a card tap (or a wedge read) did. */
export const checkInOutcomeSchema = z.discriminatedUnion('kind', [
  /** A new visit was logged. */
  z.object({
    kind: z.literal('welcome'),
    visitId: z.int().check(z.positive()),
    /** 1 on the worker's first visit to this station. */
    visitNumber: z.int().check(z.positive()),
    /** The worker has not yet chosen (or skipped) a category. */
    needsCategory: z.boolean(),
    category: z.nullable(workerCategorySchema),
    /** Proof of this tap for locker calls (readers and wedge only; absent where lockers are off). */
    cardPass: z.optional(cardPassSchema),
    /** The locker this card holds, if any. */
    locker: z.optional(z.nullable(heldLockerSchema)),
    /** Proof of this check-in for posting on the wish wall (see `wishes.ts`). */
    wishPass: z.optional(wishPassSchema),
  }),
  /** The same card tapped again inside the duplicate window: still one visit. */
  z.object({
    kind: z.literal('already-here'),
    visitId: z.int().check(z.positive()),
    visitNumber: z.int().check(z.positive()),
    category: z.nullable(workerCategorySchema),
    cardPass: z.optional(cardPassSchema),
    locker: z.optional(z.nullable(heldLockerSchema)),
    wishPass: z.optional(wishPassSchema),
  }),
  /** Tap-out recorded: the visit is closed with its dwell time. */
  z.object({
    kind: z.literal('goodbye'),
    visitId: z.int().check(z.positive()),
    /** Whole minutes between arrival and leaving. */
    dwellMinutes: z.int().check(z.nonnegative()),
  }),
]);
export type CheckInOutcome = z.infer<typeof checkInOutcomeSchema>;

export const guestCheckInSchema = z.object({
  visitId: z.int().check(z.positive()),
  /** Guest visits logged today at this station, this one included. */
  guestVisitsToday: z.int().check(z.positive()),
  /** Proof of this check-in for posting on the wish wall (see `wishes.ts`). */
  wishPass: z.optional(wishPassSchema),
});
export type GuestCheckIn = z.infer<typeof guestCheckInSchema>;

export const deviceStateSchema = z.enum(['online', 'offline', 'degraded']);
export type DeviceState = z.infer<typeof deviceStateSchema>;

/** Health of one configured device, as shown to stewards and used to disable features. */
export const deviceStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(['card-reader', 'locker-bus', 'receipt-printer', 'port-listing']),
  /** Human label from the device config, e.g. "Door reader". */
  name: z.string(),
  simulated: z.boolean(),
  state: deviceStateSchema,
  /** Why it is not online, in plain words for an installer. */
  detail: z.string().check(z.maxLength(500)),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/**
 * Why a tap did not become a check-in: no card id (`unreadable`, `unsupported-format`), or
 * the card was read but the visit could not be saved (`not-saved`: the database stayed
 * locked or failed); in every case the worker is asked to tap again.
 */
export const cardErrorReasonSchema = z.enum(['unreadable', 'unsupported-format', 'not-saved']);
export type CardErrorReason = z.infer<typeof cardErrorReasonSchema>;
