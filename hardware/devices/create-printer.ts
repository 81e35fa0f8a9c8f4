import type { Clock } from '../drivers/clock';
import { createPrinterDevice, type PrinterDevice } from '../printer/printer-device';
import { SerialTransport } from '../transport/serial-transport';
import type { DevicesConfig } from './device-config';

/** The configured pickup-slip printer, not yet started, or null when devices.json names none. Never opens a port itself. */
export function createConfiguredPrinter(config: DevicesConfig, options: { readonly clock?: Clock } = {}): PrinterDevice | null {
  const printer = config.printer;
  if (!printer) return null;
  return createPrinterDevice({
    id: printer.id,
    name: printer.name,
    // A printer with a simulator on the far side of a pty pair is the built-in simulation.
    simulated: printer.simulatorPath !== undefined,
    createTransport: () => new SerialTransport({ path: printer.path, baudRate: printer.baudRate }),
    // A Unix device node vanishes on unplug; Windows COM names do not, so only paths are watched.
    livenessPath: printer.path.startsWith('/') ? printer.path : undefined,
    clock: options.clock,
  });
}
