/**
 * Device health for the console, counted from what the station already reports on its event
 * bus: every `deviceStatus` change (a device going offline or degraded is an error, coming
 * back online a reopen), every tap (`checkIn`: the reader was seen working) and every bad
 * read (`cardError`). Counts are since the station started (`sinceMs`); they live in memory
 * only, and the console shows since when.
 */
import type { DeviceStatus } from '../../../common/domain';
import type { DeviceHealth } from '../../../common/steward';
import type { StationEventBus } from '../../service-contract';

export interface DeviceHealthTracker {
  /** The current devices with their counts. */
  list(): DeviceHealth[];
  /** Epoch ms counting began (the service's start). */
  readonly sinceMs: number;
  detach(): void;
}

interface Counts {
  state: DeviceStatus['state'] | null;
  lastSeenAtMs: number | null;
  errors: number;
  reopens: number;
  /** A device coming online for the first time (at start) is not a reopen. */
  everOnline: boolean;
}

export function trackDeviceHealth(options: {
  readonly events: StationEventBus;
  readonly now: () => number;
  /** The devices as `getDeviceStatus` answers. */
  readonly devices: () => DeviceStatus[];
}): DeviceHealthTracker {
  const sinceMs = options.now();
  const counts = new Map<string, Counts>();
  const of = (id: string): Counts => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { state: null, lastSeenAtMs: null, errors: 0, reopens: 0, everOnline: false }));
    return c;
  };
  const observe = (devices: readonly DeviceStatus[]) => {
    const atMs = options.now();
    for (const device of devices) {
      const c = of(device.id);
      // The first reading is where it stands at start (readers start after this), not a change.
      if (c.state !== null && device.state !== c.state) {
        if (device.state !== 'online') c.errors += 1;
        else if (c.everOnline) c.reopens += 1;
      }
      c.state = device.state;
      if (device.state === 'online') {
        c.everOnline = true;
        c.lastSeenAtMs = atMs;
      }
    }
  };
  observe(options.devices());
  const offs = [
    options.events.on('deviceStatus', (status) => observe(status.devices)),
    options.events.on('checkIn', ({ deviceId }) => void (of(deviceId).lastSeenAtMs = options.now())),
    options.events.on('cardError', ({ deviceId }) => void (of(deviceId).errors += 1)),
  ];
  return {
    sinceMs,
    list() {
      const devices = options.devices();
      observe(devices);
      return devices.map((d) => {
        const c = of(d.id);
        return { ...d, lastSeenAtMs: c.lastSeenAtMs, errors: c.errors, reopens: c.reopens };
      });
    },
    detach: () => offs.forEach((off) => off()),
  };
}
