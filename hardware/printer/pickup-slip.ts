import type { Locale } from '../../common/domain';
import { lockerNumberSchema, pickupCodeSchema } from '../../common/lockers';
import type { PrintDocument } from './escpos';

export interface PickupSlipInput {
  /** Painted locker number, 1–999. */
  readonly lockerNumber: number;
  /** The guest's 6-digit pickup code. */
  readonly pickupCode: string;
  /** Printed as the heading; printable ASCII only (see `escpos.ts`). */
  readonly stationName: string;
  /**
   * The guest's language. The printer is driven in ASCII for now (no GB18030 encoder), so
   * both languages get the same English wording; the field is here so the call sites need
   * not change when Chinese text is added.
   */
  readonly language: Locale;
}

export type PickupSlipResult =
  | { readonly ok: true; readonly value: PrintDocument }
  | { readonly ok: false; readonly code: 'invalid-document'; readonly message: string };

/**
 * What the QR code carries: only the locker number and the code, as `L<number>-<code>`
 * (e.g. `L12-123456`), so a scanner at the locker can read it and nothing else is exposed.
 */
export function pickupQrData(lockerNumber: number, pickupCode: string): string {
  return `L${lockerNumber}-${pickupCode}`;
}

/**
 * The guest's pickup slip: locker number and code in ×3 type, a QR code of both, the line
 * telling them to keep it, then a cut. It carries nothing about the card or the worker: the
 * slip opens the locker, so it is all anyone who finds it learns.
 */
export function pickupSlip(input: PickupSlipInput): PickupSlipResult {
  if (!lockerNumberSchema.safeParse(input.lockerNumber).success) {
    return { ok: false, code: 'invalid-document', message: `locker number ${String(input.lockerNumber)} is not 1–999` };
  }
  if (!pickupCodeSchema.safeParse(input.pickupCode).success) {
    return { ok: false, code: 'invalid-document', message: 'pickup code is not 6 digits' };
  }
  return {
    ok: true,
    value: {
      blocks: [
        { kind: 'text', text: input.stationName, align: 'center', bold: true },
        { kind: 'feed', lines: 1 },
        { kind: 'text', text: 'Locker', align: 'center' },
        { kind: 'text', text: String(input.lockerNumber), size: 3, bold: true, align: 'center' },
        { kind: 'text', text: 'Code', align: 'center' },
        { kind: 'text', text: input.pickupCode, size: 3, bold: true, align: 'center' },
        { kind: 'feed', lines: 1 },
        { kind: 'qr', data: pickupQrData(input.lockerNumber, input.pickupCode), moduleSize: 6, align: 'center' },
        { kind: 'feed', lines: 1 },
        { kind: 'text', text: 'Keep this slip; it opens your locker', align: 'center' },
        { kind: 'feed', lines: 3 },
        { kind: 'cut' },
      ],
    },
  };
}
