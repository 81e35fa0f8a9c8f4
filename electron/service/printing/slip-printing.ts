/**
 * Prints guests' pickup slips on the station's receipt printer. Only while the claim's door
 * is still open for the phone (the lockers service keeps the code in the clear that long and
 * no longer), at most `SLIPS_PER_SESSION` per session, and nothing about the card or the
 * worker on the paper (see `hardware/printer/pickup-slip.ts`).
 */
import type { DeviceStatus } from '../../../common/domain';
import { SLIPS_PER_SESSION, printPickupSlipInputSchema, type PrintPickupSlipOutcome } from '../../../common/printing';
import { err, ok, type Result } from '../../../common/result';
import { pickupSlip } from '../../../hardware/printer/pickup-slip';
import type { PrinterDevice } from '../../../hardware/printer/printer-device';

export interface SlipPrintingDeps {
  /** Started and stopped by the caller; null when the station has no printer. */
  readonly printer: PrinterDevice | null;
  /** The guest's code for that open door, or null (see `LockerService.pickupCodeForSlip`). */
  readonly pickupCodeForSlip: (lockerNumber: number, sessionId: number) => Promise<string | null>;
  /** The slip's heading, in the slip's language. */
  readonly stationName: (language: 'zh-CN' | 'en') => string;
  readonly onError: (message: string) => void;
}

export interface SlipPrinting {
  printPickupSlip(input: unknown): Promise<Result<PrintPickupSlipOutcome>>;
  /** The printer's device status, or none. */
  deviceStatus(): DeviceStatus[];
}

export function createSlipPrinting(deps: SlipPrintingDeps): SlipPrinting {
  /** Slips printed per session id; sessions are few and short, and the map dies with the service. */
  const printed = new Map<number, number>();

  return {
    async printPickupSlip(input) {
      const parsed = printPickupSlipInputSchema.safeParse(input);
      if (!parsed.success) return err('invalid-argument', 'printPickupSlip: sessionId, lockerNumber (1–999) and language (zh-CN or en) are required');
      const { sessionId, lockerNumber, language } = parsed.data;
      const printer = deps.printer;
      if (!printer) return ok({ kind: 'no-printer' });
      if ((printed.get(sessionId) ?? 0) >= SLIPS_PER_SESSION) return ok({ kind: 'limit' });
      const code = await deps.pickupCodeForSlip(lockerNumber, sessionId);
      if (code === null) return ok({ kind: 'not-open' });
      const slip = pickupSlip({ lockerNumber, pickupCode: code, stationName: deps.stationName(language), language });
      if (!slip.ok) {
        deps.onError(`Pickup slip for locker ${lockerNumber} not printable: ${slip.message}`);
        return err('internal', 'The slip could not be made.');
      }
      // Counted before the job: a slip that printed but whose last status answer was lost still counts.
      printed.set(sessionId, (printed.get(sessionId) ?? 0) + 1);
      const result = await printer.print(slip.value);
      if (result.ok) return ok({ kind: 'printed' });
      if (result.code === 'invalid-document') {
        // The station name holds characters the printer cannot print: say so to the installer.
        deps.onError(`Pickup slip for locker ${lockerNumber} not printable: ${result.message}`);
        return err('internal', 'The slip could not be printed.');
      }
      return ok({ kind: result.code === 'paper-out' ? 'paper-out' : 'printer-offline' });
    },
    deviceStatus() {
      const printer = deps.printer;
      if (!printer) return [];
      return [{ id: printer.id, kind: 'receipt-printer', name: printer.name, simulated: printer.simulated, state: printer.state, detail: printer.detail.slice(0, 500) }];
    },
  };
}
