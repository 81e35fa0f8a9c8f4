import type { Clock } from '../drivers/clock';
import type { LockerBus } from '../drivers/locker-bus/locker-bus';
import { createLockerBus } from '../drivers/locker-bus/serial-locker-bus';
import { lockerProtocol } from '../lockers/protocols/index';
import { SerialTransport } from '../transport/serial-transport';
import type { DevicesConfig, LockerBusConfig } from './device-config';

export interface CreateLockerBusesOptions {
  readonly clock?: Clock;
}

/** One `LockerBus` per configured bus, not yet started. Never opens a port itself. */
export function createLockerBuses(config: DevicesConfig, options: CreateLockerBusesOptions = {}): LockerBus[] {
  return config.lockerBuses.map((bus) => createConfiguredBus(bus, options));
}

function createConfiguredBus(bus: LockerBusConfig, options: CreateLockerBusesOptions): LockerBus {
  const protocol = lockerProtocol(bus.protocol);
  return createLockerBus({
    id: bus.id,
    name: bus.name,
    protocol,
    boards: bus.boards,
    // A bus with a simulator on the far side of a pty pair is the built-in simulation.
    simulated: bus.simulatorPath !== undefined,
    createTransport: () => new SerialTransport({ path: bus.path, baudRate: bus.baudRate }),
    // A Unix device node vanishes on unplug; Windows COM names do not, so only paths are watched.
    livenessPath: bus.path.startsWith('/') ? bus.path : undefined,
    pollIntervalMs: bus.pollIntervalMs,
    replyTimeoutMs: bus.replyTimeoutMs,
    clock: options.clock,
  });
}
