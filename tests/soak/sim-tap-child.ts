/**
 * `node out/soak/sim-tap.cjs <dataDir> <card>`: what `npm run sim -- tap <card>` does, for the
 * week soak (week-soak-child.ts), bundled like the soak child so it starts in a fraction of a
 * second on a loaded machine instead of compiling TypeScript first: finds the running station's
 * simulated reader through `<dataDir>/sim/devices.json` and writes one EM4100 tap to the device
 * side of its pty pair. Exit 0 sent, 1 not (with the reason on stderr).
 */
import { join } from 'node:path';
import { loadDevicesConfig } from '../../hardware/devices/device-config';
import { CardReaderSimulator } from '../../hardware/simulators/card-reader-simulator';
import { SIM_DIR_NAME } from '../../hardware/simulators/default-simulated-reader';
import { SerialTransport } from '../../hardware/transport/serial-transport';

async function main(): Promise<void> {
  const [dataDir, card] = process.argv.slice(2);
  if (!dataDir || !card) throw new Error('usage: sim-tap.cjs <dataDir> <card>');
  const config = loadDevicesConfig(join(dataDir, SIM_DIR_NAME, 'devices.json'));
  if (!config.ok) throw new Error(config.message);
  const path = config.config.readers.find((r) => r.simulatorPath !== undefined)?.simulatorPath;
  if (!path) throw new Error('the station has no simulated reader on a pty');
  const transport = new SerialTransport({ path, lock: false });
  try {
    await transport.open();
    await new CardReaderSimulator(transport).tap(card, 'em4100');
  } finally {
    await transport.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sim-tap: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
