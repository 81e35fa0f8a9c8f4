/**
 * `npm run sim -- tap <card-id>` / `npm run sim -- garbage [count]`: plays the simulated card
 * reader of a running station from another terminal. Finds the station through
 * `<dataDir>/sim/devices.json` and writes to the device side of its pty pair.
 * `npm run sim -- locker …` plays the simulated locker wall (scripts/sim-lockers.ts), and
 * `npm run sim -- printer …` the slip printer (scripts/sim-printer.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveDataDir } from '../electron/service/data-dir';
import { normaliseCardText } from '../hardware/card-id/normalise';
import { toHex } from '../hardware/codecs/framer';
import { loadDevicesConfig } from '../hardware/devices/device-config';
import { CardReaderSimulator, encodeTap } from '../hardware/simulators/card-reader-simulator';
import { SIM_DIR_NAME } from '../hardware/simulators/default-simulated-reader';
import { SerialTransport } from '../hardware/transport/serial-transport';
import { LOCKER_USAGE, lockerCommand, type SimOutput } from './sim-lockers';
import { PRINTER_USAGE, printerCommand } from './sim-printer';

const USAGE = 'Usage: npm run sim -- tap <card-id>      (e.g. 0040856634, 026F6C3A, 01026F6C3A, 00623,27706)\n'
  + '       npm run sim -- garbage [count]   (random bytes, to see the reader reject them)\n'
  + LOCKER_USAGE.replace(/^Usage: /, '       ') + '\n'
  + PRINTER_USAGE.replace(/^Usage: /, '       ');

export type { SimOutput };

/** Runs the command; resolves with the exit code (0 sent, 1 no station, 2 bad arguments). */
export async function main(args: readonly string[], env: NodeJS.ProcessEnv = process.env, out: SimOutput = console): Promise<number> {
  const [command, value] = args;
  if (command === 'locker') return lockerCommand(args.slice(1), resolveDataDir(env), out);
  if (command === 'printer') return printerCommand(args.slice(1), resolveDataDir(env), out);
  if (command !== 'tap' && command !== 'garbage') {
    out.error(USAGE);
    return 2;
  }
  let bytes: Uint8Array | undefined;
  if (command === 'tap') {
    try {
      bytes = encodeTap(value ?? '', 'em4100');
    } catch {
      out.error(`"${value ?? ''}" is not a full card UID.\n${USAGE}`);
      return 2;
    }
  }
  const count = command === 'garbage' ? Number(value ?? 16) : 0;
  if (command === 'garbage' && !(Number.isInteger(count) && count > 0 && count <= 4096)) {
    out.error(`The byte count must be a whole number from 1 to 4096.\n${USAGE}`);
    return 2;
  }

  const configFile = join(resolveDataDir(env), SIM_DIR_NAME, 'devices.json');
  if (!existsSync(configFile)) {
    out.error(`No station with a simulated reader is running (${configFile} does not exist). Start one with "npm start".`);
    return 1;
  }
  const config = loadDevicesConfig(configFile);
  const target = config.ok ? config.config.readers.find((r) => r.simulatorPath !== undefined) : undefined;
  if (!target?.simulatorPath) {
    out.error(config.ok
      ? 'The running station simulates its reader in-process (socat is missing), so it cannot be tapped from here.'
      : config.message);
    return 1;
  }
  if (!existsSync(target.simulatorPath)) {
    out.error(`No station is running: its simulated reader ${target.simulatorPath} is gone.`);
    return 1;
  }

  const transport = new SerialTransport({ path: target.simulatorPath, lock: false });
  try {
    await transport.open();
    const simulator = new CardReaderSimulator(transport);
    if (command === 'tap') {
      await simulator.tap(value ?? '', 'em4100');
      const card = normaliseCardText(value ?? '');
      const id = card?.kind === 'uid32' ? card.canonical : value;
      out.log(`Tapped card ${id} on "${target.name}": EM4100 frame ${toHex(bytes ?? [])}`);
    } else {
      const sent = await simulator.garbage(count);
      out.log(`Sent ${sent.length} random bytes to "${target.name}": ${toHex(sent, 16)}`);
    }
    return 0;
  } catch (error) {
    out.error(`Could not write to the simulated reader: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await transport.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
