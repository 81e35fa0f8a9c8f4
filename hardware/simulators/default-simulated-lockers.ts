import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLockerBus } from '../drivers/locker-bus/serial-locker-bus';
import type { LockerBus } from '../drivers/locker-bus/locker-bus';
import type { BoardSettings } from '../lockers/locker-protocol';
import { lockerProtocol } from '../lockers/protocols/index';
import { SerialTransport } from '../transport/serial-transport';
import { LockerBoardSimulator } from './locker-board-simulator';
import { openRecoveringPtySide } from './recovering-pty-side';
import { startSimControl } from './sim-control';
import { SIM_DIR_NAME } from './default-simulated-reader';

export const SIM_LOCKER_BUS_ID = 'sim-lockers';
export const SIM_LOCKERS_HOST_LINK = 'lockers-host';
export const SIM_LOCKERS_DEVICE_LINK = 'lockers-device';
/** The control socket `npm run sim -- door …` talks to. */
export const SIM_CONTROL_SOCKET = 'control.sock';

/** One 16-channel "8A/80" board at address 1, wired the common way; locks 13–16 unused. */
export const SIM_LOCKER_BOARDS: readonly BoardSettings[] = [{ address: 1, channels: 16, polarity: 'closed-is-set' }];

/** The simulated wall: lockers 1–6 USB-C, 7–9 Lightning, 10–12 Micro-USB, locker N on lock N. */
export const SIM_LOCKER_LAYOUT: readonly { readonly number: number; readonly bus: string; readonly board: number; readonly lock: number; readonly cable: 'usb-c' | 'lightning' | 'micro-usb' }[] =
  Array.from({ length: 12 }, (_, i) => ({
    number: i + 1,
    bus: SIM_LOCKER_BUS_ID,
    board: 1,
    lock: i + 1,
    cable: i < 6 ? 'usb-c' : i < 9 ? 'lightning' : 'micro-usb',
  }));

export interface DefaultSimulatedLockers {
  /** The real serial driver on the pty pair (simulated: true), not yet started. */
  readonly bus: LockerBus;
  /** Plays the board: doors shut, phones in, faults. */
  readonly simulator: LockerBoardSimulator;
  /** Unix socket for `npm run sim -- door …` and end-to-end tests. */
  readonly controlSocket: string;
  /** The pty link the driver opens, `<dataDir>/sim/lockers-host`. */
  readonly hostPath: string;
  /** Stops the bus, the simulator, the control socket and the pty pair. Idempotent. */
  close(): Promise<void>;
}

/**
 * The locker wall `npm start` uses when no hardware is configured: the real locker-bus driver
 * on a socat pty pair under `<dataDir>/sim/`, the board simulator on the other side at
 * 9600 baud, and a control socket so another process can shut doors and put phones in.
 * When socat dies the wall comes back by itself (`recovering-pty-side.ts`), door states kept.
 * Control commands that change or read a lock are refused while the driver is offline, so
 * `npm run sim` never reports a door shut that the station could not hear.
 * Rejects with socat's reason when no pty pair can be made.
 */
export async function startDefaultSimulatedLockers(
  dataDir: string,
  options: { readonly socatPath?: string; readonly onRecovered?: (line: string) => void } = {},
): Promise<DefaultSimulatedLockers> {
  const simDir = join(dataDir, SIM_DIR_NAME);
  mkdirSync(simDir, { recursive: true, mode: 0o700 });
  const hostLink = join(simDir, SIM_LOCKERS_HOST_LINK);
  const deviceLink = join(simDir, SIM_LOCKERS_DEVICE_LINK);
  const protocol = lockerProtocol('8a80');

  // The simulator exists once the first device side is open; recoveries move it on.
  const current: { simulator?: LockerBoardSimulator } = {};
  const side = await openRecoveringPtySide({
    hostLink,
    deviceLink,
    socatPath: options.socatPath,
    createDevice: (path) => new SerialTransport({ path, baudRate: protocol.defaultBaudRate }),
    onNewDevice: (device) => current.simulator?.attach(device),
    onRecovered: options.onRecovered ?? ((line: string) => console.warn(line)),
    name: 'Simulated locker wall',
  });
  const simulator = new LockerBoardSimulator(side.device, { protocol, boards: [...SIM_LOCKER_BOARDS], unsolicitedReports: true });
  current.simulator = simulator;
  simulator.start();
  const bus = createLockerBus({
    id: SIM_LOCKER_BUS_ID,
    name: 'Simulated locker wall',
    protocol,
    boards: [...SIM_LOCKER_BOARDS],
    simulated: true,
    createTransport: () => new SerialTransport({ path: hostLink, baudRate: protocol.defaultBaudRate }),
    livenessPath: hostLink,
  });
  const controlSocket = join(simDir, SIM_CONTROL_SOCKET);
  const control = await startSimControl(controlSocket, simulator, {
    unheard: () => (bus.state === 'offline' ? `The simulated locker bus is offline (${bus.detail || 'no link'})` : null),
  });
  let closed: Promise<void> | undefined;
  return {
    bus,
    simulator,
    controlSocket,
    hostPath: hostLink,
    close: () => (closed ??= (async () => {
      await bus.stop();
      await control.close();
      simulator.stop();
      await side.close();
    })()),
  };
}
