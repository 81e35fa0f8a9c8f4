import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DevicesConfigInput } from '../devices/device-config';
import type { CardReader } from '../drivers/card-reader/card-reader';
import { createSerialCardReader } from '../drivers/card-reader/serial-card-reader';
import { createTransportPair } from '../transport/memory-transport';
import { SerialTransport } from '../transport/serial-transport';
import { CardReaderSimulator } from './card-reader-simulator';
import { ptyUnavailableReason } from './pty-pair';
import { openRecoveringPtySide } from './recovering-pty-side';

export const SIM_DIR_NAME = 'sim';
export const SIM_HOST_LINK = 'reader-host';
export const SIM_DEVICE_LINK = 'reader-device';
export const SIM_READER_ID = 'sim-reader';

/**
 * How the simulated reader is connected: a real pty pair other processes can write to, or,
 * when none could be made, an in-process pipe only this process can tap.
 */
export type SimulatedReaderLink =
  | { readonly kind: 'pty'; readonly hostPath: string; readonly devicePath: string }
  | { readonly kind: 'in-process'; readonly reason: string };

export interface DefaultSimulatedReader {
  /** A `serial-em4100` reader (simulated: true), not yet started. */
  readonly reader: CardReader;
  readonly link: SimulatedReaderLink;
  /** Plays the card reader: `tap(card, 'em4100')`, faults, garbage. */
  readonly simulator: CardReaderSimulator;
  /** Stops the reader, closes the pty pair and removes `sim/devices.json`. Idempotent. */
  close(): Promise<void>;
}

export interface DefaultSimulatedReaderOptions {
  /** socat executable. Default `socat` from PATH. */
  readonly socatPath?: string;
  /** A line each time the pty pair is remade after socat died. Default `console.warn`. */
  readonly onRecovered?: (line: string) => void;
}

/**
 * The reader `npm start` uses when no hardware is configured: the real serial driver on a
 * socat pty pair under `<dataDir>/sim/` (`reader-host` for the driver, `reader-device` for
 * the simulator), described in `<dataDir>/sim/devices.json` so `npm run sim -- tap …` can
 * write to it from another process. The device side stays open here, so other writers can
 * come and go without socat seeing end-of-file; when socat dies a new pair is made on the same
 * links and the reader comes back online by itself. Without socat it falls back to an
 * in-process pipe and says so in the reader's `detail`.
 */
export async function startDefaultSimulatedReader(dataDir: string, options: DefaultSimulatedReaderOptions = {}): Promise<DefaultSimulatedReader> {
  const simDir = join(dataDir, SIM_DIR_NAME);
  mkdirSync(simDir, { recursive: true });
  const hostLink = join(simDir, SIM_HOST_LINK);
  const deviceLink = join(simDir, SIM_DEVICE_LINK);
  const configFile = join(simDir, 'devices.json');
  const name = 'Simulated reader';

  // The simulator exists once the first device side is open; recoveries move it on.
  const current: { simulator?: CardReaderSimulator } = {};
  let side;
  try {
    side = await openRecoveringPtySide({
      hostLink,
      deviceLink,
      socatPath: options.socatPath,
      createDevice: (path) => new SerialTransport({ path, lock: false }),
      onNewDevice: (device) => current.simulator?.attach(device),
      onRecovered: options.onRecovered ?? ((line: string) => console.warn(line)),
      name,
    });
  } catch (error) {
    return startInProcess(configFile, name, ptyUnavailableReason(error));
  }
  const simulator = new CardReaderSimulator(side.device);
  current.simulator = simulator;
  const reader = createSerialCardReader({
    id: SIM_READER_ID,
    name,
    codec: 'em4100-ascii',
    simulated: true,
    createTransport: () => new SerialTransport({ path: hostLink }),
    livenessPath: hostLink,
    onlineDetail: `Simulated reader on ${hostLink}: tap a card with "npm run sim -- tap 0040856634".`,
  });
  writeConfig(configFile, {
    readers: [{ id: SIM_READER_ID, name, type: 'serial-em4100', path: hostLink, simulatorPath: deviceLink }],
  });
  let closed: Promise<void> | undefined;
  const pair = side;
  return {
    reader,
    link: { kind: 'pty', hostPath: hostLink, devicePath: deviceLink },
    simulator,
    close: () => (closed ??= (async () => {
      rmSync(configFile, { force: true });
      await reader.stop();
      await pair.close();
    })()),
  };
}

async function startInProcess(configFile: string, name: string, why: string): Promise<DefaultSimulatedReader> {
  const { host, device } = createTransportPair(`sim:${SIM_READER_ID}`, `sim:${SIM_READER_ID}:device`);
  await device.open();
  const reader = createSerialCardReader({
    id: SIM_READER_ID,
    name,
    codec: 'em4100-ascii',
    simulated: true,
    createTransport: () => host,
    onlineDetail: `Simulated reader on an in-process pipe, so "npm run sim" cannot reach it (${why}).`,
  });
  writeConfig(configFile, { readers: [{ id: SIM_READER_ID, name, type: 'simulated' }] });
  let closed: Promise<void> | undefined;
  return {
    reader,
    link: { kind: 'in-process', reason: why },
    simulator: new CardReaderSimulator(device),
    close: () => (closed ??= (async () => {
      rmSync(configFile, { force: true });
      await reader.stop();
      await device.close();
    })()),
  };
}

/** Written whole then renamed, so `npm run sim` never reads half a file. */
function writeConfig(file: string, config: DevicesConfigInput): void {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(config, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
