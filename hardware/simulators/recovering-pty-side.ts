/**
 * The device side of a simulator's pty pair, held open in the station and remade when socat
 * dies: a new pair on the same links, the device side reopened, and the simulator moved onto
 * it. The driver on the host side notices its link gone and reopens it, as after an unplug,
 * so the simulated device comes back online by itself.
 */
import type { Transport } from '../transport/transport';
import { openPtyPair, type PtyPair } from './pty-pair';

/** Delay before making a new pair after the old one died, doubled per failure, in ms. */
const RECOVER_INITIAL_MS = 100;
const RECOVER_MAX_MS = 5_000;

export interface RecoveringPtySideOptions {
  readonly hostLink: string;
  readonly deviceLink: string;
  readonly socatPath?: string;
  /** An unopened transport on the device link (`SerialTransport` at the device's baud rate). */
  readonly createDevice: (devicePath: string) => Transport;
  /** The simulator moves to the new device side (called after each recovery, not the first open). */
  readonly onNewDevice: (device: Transport) => void;
  /** One line per recovery or failed attempt, for the station log. */
  readonly onRecovered: (line: string) => void;
  /** Names the device in those lines, e.g. "Simulated locker wall". */
  readonly name: string;
}

export interface RecoveringPtySide {
  /** The open device side now; a different object after each recovery. */
  readonly device: Transport;
  /** Stops recovering, closes the device side and the pair. Idempotent. */
  close(): Promise<void>;
}

/** Opens the first pair and device side; rejects (with socat's reason) when that fails. */
export async function openRecoveringPtySide(options: RecoveringPtySideOptions): Promise<RecoveringPtySide> {
  const open = async (): Promise<{ pair: PtyPair; device: Transport }> => {
    const pair = await openPtyPair({ hostLink: options.hostLink, deviceLink: options.deviceLink, socatPath: options.socatPath });
    const device = options.createDevice(pair.devicePath);
    try {
      await device.open();
    } catch (error) {
      await pair.close();
      throw error;
    }
    return { pair, device };
  };

  let side = await open();
  let stopping = false;
  let recovering: Promise<void> = Promise.resolve();

  const recover = async (): Promise<void> => {
    let delay = RECOVER_INITIAL_MS;
    await side.device.close().catch(() => undefined);
    while (!stopping) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopping) return;
      let next;
      try {
        next = await open();
      } catch (error) {
        delay = Math.min(delay * 2, RECOVER_MAX_MS);
        options.onRecovered(`${options.name}: no new pty pair yet (${error instanceof Error ? error.message : String(error)}); retrying`);
        continue;
      }
      if (stopping) {
        await next.device.close().catch(() => undefined);
        await next.pair.close();
        return;
      }
      side = next;
      options.onNewDevice(side.device);
      watch();
      options.onRecovered(`${options.name}: socat had died; a new pty pair is up and the driver reopens it`);
      return;
    }
  };

  const watch = (): void => {
    const pair = side.pair;
    void pair.whenExited.then(() => {
      if (!stopping && side.pair === pair) recovering = recover();
    });
  };
  watch();

  let closed: Promise<void> | undefined;
  return {
    get device() {
      return side.device;
    },
    close: () => (closed ??= (async () => {
      stopping = true;
      await recovering;
      await side.device.close().catch(() => undefined);
      await side.pair.close();
    })()),
  };
}
