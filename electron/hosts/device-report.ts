/**
 * The start-up lines that say, device by device, what the station is running with. Each line
 * states what actually started (or why not), never what was merely intended.
 */
import type { DevicesConfig, LockerBusConfig, PrinterConfig, ReaderConfig } from '../../hardware/devices/device-config';
import type { SimulatedReaderLink } from '../../hardware/simulators/default-simulated-reader';

/** The built-in locker wall as it came up: on a pty pair, or not at all and why. */
export type SimulatedLockersOutcome =
  | { readonly kind: 'wall'; readonly lockers: number; readonly hostPath: string }
  | { readonly kind: 'none'; readonly reason: string };

export function simulatedReaderLine(link: SimulatedReaderLink): string {
  return link.kind === 'pty'
    ? `Card reader: simulated on pty ${link.hostPath} (tap a card: npm run sim -- tap 0040856634)`
    : `Card reader: simulated in-process link, npm run sim cannot reach it (${link.reason})`;
}

export function simulatedLockersLine(outcome: SimulatedLockersOutcome): string {
  return outcome.kind === 'wall'
    ? `Lockers: simulated wall of ${outcome.lockers} on pty ${outcome.hostPath} (shut a door: npm run sim -- locker close 1)`
    : `Lockers: none (${outcome.reason})`;
}

/** The built-in receipt printer as it came up: on a pty pair, or not at all and why. */
export type SimulatedPrinterOutcome =
  | { readonly kind: 'printer'; readonly hostPath: string }
  | { readonly kind: 'none'; readonly reason: string };

export function simulatedPrinterLine(outcome: SimulatedPrinterOutcome): string {
  return outcome.kind === 'printer'
    ? `Slip printer: simulated on pty ${outcome.hostPath} (see what it printed: npm run sim -- printer printed)`
    : `Slip printer: none (${outcome.reason})`;
}

/** A header naming the file, then one line per configured reader, locker bus and printer. */
export function configuredDeviceLines(path: string, config: DevicesConfig): string[] {
  const lines = [`Devices from ${path}:`];
  lines.push(...(config.readers.length > 0 ? config.readers.map(readerLine) : ['Card reader: none configured']));
  lines.push(...(config.lockerBuses.length > 0 ? config.lockerBuses.map(busLine) : ['Lockers: none configured']));
  lines.push(config.printer ? printerLine(config.printer) : 'Slip printer: none configured');
  return lines;
}

function readerLine(reader: ReaderConfig): string {
  return `Card reader "${reader.name}": ${reader.type} ${readerWhere(reader)}`;
}

function readerWhere(reader: ReaderConfig): string {
  if (reader.path !== undefined) return `on ${reader.path}`;
  if (reader.vendorId !== undefined && reader.productId !== undefined) return `USB ${hex4(reader.vendorId)}:${hex4(reader.productId)}`;
  return 'in-process';
}

function busLine(bus: LockerBusConfig): string {
  const boards = bus.boards.map((b) => b.address).join(', ');
  return `Lockers "${bus.name}": ${bus.protocol} bus on ${bus.path} at ${bus.baudRate} baud, board${bus.boards.length === 1 ? '' : 's'} ${boards}`;
}

function printerLine(printer: PrinterConfig): string {
  return `Slip printer "${printer.name}": ESC/POS on ${printer.path} at ${printer.baudRate} baud`;
}

function hex4(id: number): string {
  return id.toString(16).padStart(4, '0');
}
