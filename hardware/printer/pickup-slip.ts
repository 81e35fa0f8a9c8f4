import type { Locale } from '../../common/domain';
import { lockerNumberSchema, pickupCodeSchema } from '../../common/lockers';
import type { PrintDocument } from './escpos';

export interface PickupSlipInput {
  /** Painted locker number, 1–999. */
  readonly lockerNumber: number;
  /** The guest's 6-digit pickup code. */
  readonly pickupCode: string;
  /** Printed as the heading, in the guest's language; ASCII and GBK Chinese (see `escpos.ts`). */
  readonly stationName: string;
  /** The guest's language, for the slip's wording. */
  readonly language: Locale;
}

/**
 * The slip's words. Here rather than in the page's i18n because the printer is driven from
 * the service, which does not load the page's bundles; `Record<Locale, …>` keeps both complete.
 */
export const PICKUP_SLIP_WORDS: Record<Locale, { readonly locker: string; readonly code: string; readonly keep: string }> = {
  'zh-CN': { locker: '储物柜', code: '取件码', keep: '请保留此单，凭此单开柜' },
  en: { locker: 'Locker', code: 'Code', keep: 'Keep this slip; it opens your locker' },
};

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
  const words = PICKUP_SLIP_WORDS[input.language];
  return {
    ok: true,
    value: {
      blocks: [
        { kind: 'text', text: input.stationName, align: 'center', bold: true },
        { kind: 'feed', lines: 1 },
        { kind: 'text', text: words.locker, align: 'center' },
        { kind: 'text', text: String(input.lockerNumber), size: 3, bold: true, align: 'center' },
        { kind: 'text', text: words.code, align: 'center' },
        { kind: 'text', text: input.pickupCode, size: 3, bold: true, align: 'center' },
        { kind: 'feed', lines: 1 },
        { kind: 'qr', data: pickupQrData(input.lockerNumber, input.pickupCode), moduleSize: 6, align: 'center' },
        { kind: 'feed', lines: 1 },
        { kind: 'text', text: words.keep, align: 'center' },
        { kind: 'feed', lines: 3 },
        { kind: 'cut' },
      ],
    },
  };
}
