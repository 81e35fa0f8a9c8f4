/**
 * `npm run sim -- printer <action>`: looks at and plays the simulated slip printer of a
 * running station (the built-in one `npm start` uses with no hardware), through its control
 * socket in `<dataDir>/sim/`.
 */
import { join } from 'node:path';
import { SIM_PRINTER_CONTROL_SOCKET, sendPrinterSimCommand, type PrinterSimCommand } from '../hardware/simulators/default-simulated-printer';
import { SIM_DIR_NAME } from '../hardware/simulators/default-simulated-reader';
import type { SimOutput } from './sim-lockers';

export const PRINTER_USAGE = 'Usage: npm run sim -- printer printed       (what the printer has printed)\n'
  + '       npm run sim -- printer paper-out | offline | clear   (empty the roll / switch it off / put both right)';

const ACTIONS: Record<string, { readonly command: PrinterSimCommand; readonly label: string }> = {
  printed: { command: { op: 'printed' }, label: '' },
  'paper-out': { command: { op: 'paper-out' }, label: 'The simulated printer is out of paper' },
  offline: { command: { op: 'offline' }, label: 'The simulated printer stopped answering' },
  clear: { command: { op: 'clear-faults' }, label: 'The simulated printer has paper and power again' },
};

/** Resolves with the exit code: 0 done, 1 no station, 2 bad arguments. */
export async function printerCommand(args: readonly string[], dataDir: string, out: SimOutput): Promise<number> {
  const action = args[0] !== undefined && Object.hasOwn(ACTIONS, args[0]) ? ACTIONS[args[0]] : undefined;
  if (!action) {
    out.error(PRINTER_USAGE);
    return 2;
  }
  const answer = await sendPrinterSimCommand(join(dataDir, SIM_DIR_NAME, SIM_PRINTER_CONTROL_SOCKET), action.command);
  if (!answer.ok) {
    out.error(`${answer.message}. Is a station with the simulated printer running ("npm start")?`);
    return 1;
  }
  if (answer.printed) {
    const { lines, qrCodes, cuts } = answer.printed;
    out.log(lines.length === 0 ? 'Nothing printed yet.' : `${lines.join('\n')}\n(QR codes: ${qrCodes.join(', ') || 'none'}; cuts: ${cuts})`);
  } else out.log(action.label);
  return 0;
}
