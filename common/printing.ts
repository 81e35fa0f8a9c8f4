/**
 * The pickup-slip printer's section of the station contract (see `contract.ts`): a guest who
 * has just claimed a locker may have the locker number and pickup code printed on a slip,
 * so the code is not lost and need not be photographed with the phone about to be locked away.
 */
import * as z from 'zod/mini';
import { method } from './contract-method';
import { localeSchema } from './domain';
import { lockerNumberSchema } from './lockers';

/** At most this many slips per guest session (one, and one more if the first jammed). */
export const SLIPS_PER_SESSION = 2;

export const printPickupSlipInputSchema = z.object({
  /** The session and locker from the guest's claim outcome. */
  sessionId: z.int().check(z.positive()),
  lockerNumber: lockerNumberSchema,
  /** The slip's wording. */
  language: localeSchema,
});

/**
 * What came of it. `not-open`: the slip can be printed only while that claim's door is still
 * open for the phone (the same answer for any other locker or session, so it tells nothing);
 * `limit`: {@link SLIPS_PER_SESSION} already printed; `paper-out` / `printer-offline`: nothing
 * usable printed, a steward is told by the device status; `no-printer`: the station has none.
 */
export const printPickupSlipOutcomeSchema = z.object({
  kind: z.enum(['printed', 'not-open', 'limit', 'paper-out', 'printer-offline', 'no-printer']),
});
export type PrintPickupSlipOutcome = z.infer<typeof printPickupSlipOutcomeSchema>;

/** Printing methods. */
export const printingMethods = {
  /** Prints the guest's pickup slip (locker number, code, a QR code of both). */
  printPickupSlip: method(printPickupSlipInputSchema, printPickupSlipOutcomeSchema),
} as const;
