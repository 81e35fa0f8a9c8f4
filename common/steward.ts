/**
 * The steward capability's section of the station contract: sign-in (steward card, then PIN),
 * the session it yields, sign-out, the first-steward setup code and the audit log. Every
 * steward-only method carries the session token (see `steward-session.ts`), never the PIN.
 *
 * Sign-in, step by step: the console's sign-in screen calls `openStewardSignIn`; while it is
 * open, a steward card tapped on a reader is not a check-in but the first half of a sign-in
 * (the `stewardCard` event names the steward and carries a pending sign-in token); the PIN
 * then goes with that token to `signInSteward`. A card that is not a steward's is always an
 * ordinary check-in. Stewards with no card on record (the first steward set up with the
 * setup code, or a PIN migrated from an old station) sign in with the PIN alone.
 */
import * as z from 'zod/mini';
import { empty, method, noInput } from './contract-method';
import { deviceStatusSchema } from './domain';
import { stewardRoleSchema, stewardSessionSchema, withStewardSession } from './steward-session';
import { syncStatusSchema } from './upstream-sync-status';

/** A steward's PIN: 4–8 digits. */
export const stewardPinSchema = z.string().check(z.regex(/^[0-9]{4,8}$/));

// Declared with the session (a small module the first screen can afford), named here too.
export { STEWARD_IDLE_SECONDS } from './steward-session';

/** An opaque pending sign-in: a steward card was tapped, the PIN is still to come. */
export const pendingSignInSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{32}$/));

/** What the sign-in screen needs to know when it opens. */
export const stewardSignInStateSchema = z.object({
  /** No steward exists yet: the screen asks for the setup code from the station console. */
  needsSetup: z.boolean(),
  /** Some steward has no card on record, so "PIN only" is offered. */
  pinOnly: z.boolean(),
});

export const stewardSignInInputSchema = z.object({
  /** From the `stewardCard` event; null for a PIN-only sign-in. */
  pending: z.nullable(pendingSignInSchema),
  pin: stewardPinSchema,
});

/** The signed-in steward, as the console shows them. */
export const stewardSignedInSchema = z.object({
  session: stewardSessionSchema,
  name: z.string(),
  role: stewardRoleSchema,
  idleSeconds: z.int().check(z.positive()),
});
export type StewardSignedIn = z.infer<typeof stewardSignedInSchema>;

/** What a PIN did. */
export const stewardSignInOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signed-in'), steward: stewardSignedInSchema }),
  /** Wrong PIN (or no such pending card); `attemptsLeft` before this steward is locked out. */
  z.object({ kind: z.literal('wrong-pin'), attemptsLeft: z.int().check(z.nonnegative()) }),
  /** Too many wrong PINs: no PIN is checked for this long, even the right one. */
  z.object({ kind: z.literal('locked-out'), retryAfterSeconds: z.int().check(z.positive()) }),
  /** The card tap is too old (or was used): tap the card again. */
  z.object({ kind: z.literal('tap-again') }),
]);
export type StewardSignInOutcome = z.infer<typeof stewardSignInOutcomeSchema>;

/** The one-time setup code from the station console, and the first steward's PIN. */
export const setUpStewardInputSchema = z.object({
  setupCode: z.string().check(z.regex(/^[0-9]{8}$/)),
  pin: stewardPinSchema,
});

/** One audited steward action, newest first in the audit view. */
export const auditRowSchema = z.object({
  id: z.int().check(z.positive()),
  atMs: z.int(),
  /** Null for the station itself (a lockout, an expired session). */
  stewardName: z.nullable(z.string()),
  action: z.string(),
  subject: z.nullable(z.string()),
  reason: z.nullable(z.string()),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const auditPageInputSchema = withStewardSession({
  /** Rows older than this id (paging back); absent for the newest. */
  beforeId: z.optional(z.int().check(z.positive())),
  limit: z.int().check(z.gte(1), z.lte(200)),
});

/** One reader or lock bus as the console's device section shows it. */
export const deviceHealthSchema = z.object({
  ...deviceStatusSchema.shape,
  /** Epoch ms the device was last seen working (online, or a read); null if never. */
  lastSeenAtMs: z.nullable(z.int()),
  /** Times it went offline or degraded, and bad reads, since `countedSinceMs` (kept across restarts). */
  errors: z.int().check(z.nonnegative()),
  /** Times it came back online after being lost (the driver reopened it), since `countedSinceMs`. */
  reopens: z.int().check(z.nonnegative()),
});
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;

export const consoleDevicesSchema = z.object({
  devices: z.array(deviceHealthSchema),
  /**
   * Epoch ms the error and reopen counts (and last seen) run from: the devices' first start on
   * this station's database (the earliest of them). They are kept across restarts; the console
   * says since when.
   */
  countedSinceMs: z.int(),
  /** Sending to the union's collector (see `getSyncStatus`). */
  sync: syncStatusSchema,
});

export const exportCsvInputSchema = withStewardSession({
  /** Table ids from `listExportTables`. */
  tables: z.array(z.string().check(z.regex(/^[a-z][a-z-]{0,39}$/))).check(z.minLength(1), z.maxLength(20)),
  /** The period, epoch ms: from (inclusive) to (exclusive). */
  fromMs: z.int(),
  toMs: z.int(),
  /** An absolute folder on the station (a USB stick's mount point). */
  folder: z.string().check(z.minLength(1), z.maxLength(500)),
});

export const exportCsvOutcomeSchema = z.object({
  files: z.array(z.object({ table: z.string(), path: z.string(), rows: z.int().check(z.nonnegative()), bytes: z.int().check(z.positive()) })),
});

/** Sent when a steward card is tapped while the sign-in screen is open. */
export const stewardCardEventSchema = z.object({
  pending: pendingSignInSchema,
  name: z.string(),
});

export const stewardMethods = {
  /** The sign-in screen opened: a steward card tapped in the next 2 minutes signs in. */
  openStewardSignIn: method(noInput, stewardSignInStateSchema),
  /** The sign-in screen closed: steward cards are check-ins again. */
  closeStewardSignIn: method(noInput, empty),
  /** The PIN for a tapped steward card (or PIN only). Wrong PINs count towards that steward's lockout. */
  signInSteward: method(stewardSignInInputSchema, stewardSignInOutcomeSchema),
  /** Ends the session now (audited). */
  signOutSteward: method(withStewardSession({}), empty),
  /**
   * The first steward, with the setup code printed on the station console: created PIN only
   * (a card is added in stewards.json) and signed in. `forbidden` for a wrong code (counted
   * towards a lockout) or once any steward exists.
   */
  setUpSteward: method(setUpStewardInputSchema, stewardSignedInSchema),
  /** Every reader and lock bus with last seen, error and reopen counts, and the upstream sync. */
  getConsoleDevices: method(withStewardSession({}), consoleDevicesSchema),
  /** The tables Export can write, in order. */
  listExportTables: method(withStewardSession({}), z.array(z.string())),
  /** Writes one CSV (UTF-8 with BOM) per table for the period into the folder; audited. */
  exportCsv: method(exportCsvInputSchema, exportCsvOutcomeSchema),
  /**
   * Removable drives mounted now under /media, /run/media or /mnt (a USB stick), as Export
   * offers them; empty when none is plugged in.
   */
  listExportFolders: method(withStewardSession({}), z.array(z.object({ path: z.string(), label: z.string() }))),
  /** Audited steward actions, newest first. */
  listStewardAudit: method(auditPageInputSchema, z.array(auditRowSchema)),
} as const;

export const stewardEvents = {
  /** A steward card was tapped at the open sign-in screen: ask for the PIN. */
  stewardCard: stewardCardEventSchema,
} as const;
