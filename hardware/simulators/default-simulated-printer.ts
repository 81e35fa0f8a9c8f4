/**
 * The receipt printer `npm start` uses when no hardware is configured: the real printer
 * device on a socat pty pair under `<dataDir>/sim/`, the ESC/POS printer simulator on the
 * other side at 19200 baud, and a control socket so another process (`npm run sim --
 * printer …`, end-to-end tests) can read what was printed and run the roll out of paper.
 * When socat dies the printer comes back by itself (`recovering-pty-side.ts`).
 * Rejects with socat's reason when no pty pair can be made.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { createPrinterDevice, type PrinterDevice } from '../printer/printer-device';
import { PrinterSimulator } from '../printer/printer-simulator';
import { SerialTransport } from '../transport/serial-transport';
import { SIM_DIR_NAME } from './default-simulated-reader';
import { sendJsonLine, serveJsonLines } from './json-line-socket';
import { openRecoveringPtySide } from './recovering-pty-side';

export const SIM_PRINTER_ID = 'sim-printer';
export const SIM_PRINTER_HOST_LINK = 'printer-host';
export const SIM_PRINTER_DEVICE_LINK = 'printer-device';
export const SIM_PRINTER_CONTROL_SOCKET = 'printer.sock';
const BAUD = 19_200;

export const printerSimCommandSchema = z.discriminatedUnion('op', [
  /** What the printer has printed so far. */
  z.object({ op: z.literal('printed') }),
  z.object({ op: z.literal('paper-out') }),
  z.object({ op: z.literal('offline') }),
  /** Paper back in, power back on. */
  z.object({ op: z.literal('clear-faults') }),
]);
export type PrinterSimCommand = z.infer<typeof printerSimCommandSchema>;

export type PrinterSimAnswer =
  | { readonly ok: true; readonly printed?: { readonly lines: readonly string[]; readonly qrCodes: readonly string[]; readonly cuts: number } }
  | { readonly ok: false; readonly message: string };

export interface DefaultSimulatedPrinter {
  /** The real printer device on the pty pair (simulated: true), not yet started. */
  readonly printer: PrinterDevice;
  readonly simulator: PrinterSimulator;
  readonly controlSocket: string;
  /** The pty link the device opens, `<dataDir>/sim/printer-host`. */
  readonly hostPath: string;
  /** Stops the device, the simulator, the control socket and the pty pair. Idempotent. */
  close(): Promise<void>;
}

export async function startDefaultSimulatedPrinter(
  dataDir: string,
  options: { readonly socatPath?: string; readonly onRecovered?: (line: string) => void } = {},
): Promise<DefaultSimulatedPrinter> {
  const simDir = join(dataDir, SIM_DIR_NAME);
  mkdirSync(simDir, { recursive: true, mode: 0o700 });
  const hostLink = join(simDir, SIM_PRINTER_HOST_LINK);
  const current: { simulator?: PrinterSimulator } = {};
  const side = await openRecoveringPtySide({
    hostLink,
    deviceLink: join(simDir, SIM_PRINTER_DEVICE_LINK),
    socatPath: options.socatPath,
    createDevice: (path) => new SerialTransport({ path, baudRate: BAUD }),
    onNewDevice: (device) => current.simulator?.attach(device),
    onRecovered: options.onRecovered ?? ((line: string) => console.warn(line)),
    name: 'Simulated receipt printer',
  });
  const simulator = new PrinterSimulator(side.device);
  current.simulator = simulator;
  simulator.start();
  const printer = createPrinterDevice({
    id: SIM_PRINTER_ID,
    name: 'Simulated receipt printer',
    simulated: true,
    createTransport: () => new SerialTransport({ path: hostLink, baudRate: BAUD }),
    livenessPath: hostLink,
  });
  const controlSocket = join(simDir, SIM_PRINTER_CONTROL_SOCKET);
  const control = await serveJsonLines(controlSocket, (line) => answerPrinterCommand(simulator, line));
  let closed: Promise<void> | undefined;
  return {
    printer,
    simulator,
    controlSocket,
    hostPath: hostLink,
    close: () => (closed ??= (async () => {
      await printer.stop();
      await control.close();
      simulator.stop();
      await side.close();
    })()),
  };
}

/** Applies one control line to the simulator. Never throws. */
export function answerPrinterCommand(simulator: PrinterSimulator, line: string): PrinterSimAnswer {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, message: 'not JSON' };
  }
  const command = printerSimCommandSchema.safeParse(json);
  if (!command.success) return { ok: false, message: `not a printer simulator command: ${command.error.issues[0]?.message ?? 'invalid'}` };
  switch (command.data.op) {
    case 'printed':
      return { ok: true, printed: { lines: [...simulator.lines], qrCodes: [...simulator.qrCodes], cuts: simulator.cuts } };
    case 'paper-out':
      simulator.inject({ kind: 'paper-out' });
      return { ok: true };
    case 'offline':
      simulator.inject({ kind: 'offline' });
      return { ok: true };
    case 'clear-faults':
      simulator.clearFaults();
      return { ok: true };
  }
}

/** Sends one command to a running station's simulated printer; never rejects. */
export function sendPrinterSimCommand(socketPath: string, command: PrinterSimCommand, timeoutMs = 3000): Promise<PrinterSimAnswer> {
  return sendJsonLine<PrinterSimAnswer>(socketPath, command, timeoutMs);
}
