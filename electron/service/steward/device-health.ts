/**
 * Device health for the console, counted from what the station already reports on its event
 * bus: every `deviceStatus` change (a device going offline or degraded is an error, coming
 * back online a reopen), every tap (`checkIn`: the reader was seen working) and every bad
 * read (`cardError`). With a store, the counts carry on across restarts from the device's
 * first start on this database (see `device-counts.ts` for when they are written); without
 * one they run from this start.
 */
import type { DeviceStatus } from '../../../common/domain';
import type { DeviceHealth } from '../../../common/steward';
import type { StationEventBus } from '../../service-contract';
import { FOLD_MS, type DeviceCountStore } from './device-counts';

export interface DeviceHealthTracker {
  /** The current devices with their counts. */
  list(): DeviceHealth[];
  /** Epoch ms the counts of the current devices run from: the earliest of their first starts. */
  sinceMs(): number;
  /** Stops counting and writes what is not yet stored. */
  detach(): void;
}

interface Counts {
  state: DeviceStatus['state'] | null;
  lastSeenAtMs: number | null;
  errors: number;
  reopens: number;
  /** A device coming online for the first time since this start is not a reopen. */
  everOnline: boolean;
  sinceMs: number;
  /** Epoch ms last written, and whether something changed since. */
  writtenAtMs: number;
  dirty: boolean;
}

export function trackDeviceHealth(options: {
  readonly events: StationEventBus;
  readonly now: () => number;
  /** The devices as `getDeviceStatus` answers. */
  readonly devices: () => DeviceStatus[];
  /** Where counts are kept across restarts; none keeps them in memory only. */
  readonly store?: DeviceCountStore;
  /** A failed write (the counts stay in memory and are tried again). */
  readonly onWarning?: (message: string) => void;
}): DeviceHealthTracker {
  const startMs = options.now();
  const counts = new Map<string, Counts>();
  for (const [id, stored] of options.store?.load() ?? []) {
    counts.set(id, { ...stored, state: null, everOnline: false, writtenAtMs: startMs, dirty: false });
  }
  const of = (id: string): Counts => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { state: null, lastSeenAtMs: null, errors: 0, reopens: 0, everOnline: false, sinceMs: options.now(), writtenAtMs: -Infinity, dirty: true }));
    return c;
  };
  const write = (id: string, c: Counts, atMs: number) => {
    // Taps from the screen or a wedge name no device: nothing to keep.
    if (!options.store || !options.devices().some((d) => d.id === id)) return;
    try {
      options.store.save(id, { errors: c.errors, reopens: c.reopens, lastSeenAtMs: c.lastSeenAtMs, sinceMs: c.sinceMs });
      c.writtenAtMs = atMs;
      c.dirty = false;
    } catch (error) {
      options.onWarning?.(`Device counts for ${id} not saved: ${String(error)}`);
    }
  };
  /** A count changed: written now. Last seen alone: folded in at most every FOLD_MS. */
  const changed = (id: string, c: Counts, countChanged: boolean) => {
    c.dirty = true;
    const atMs = options.now();
    if (countChanged || atMs - c.writtenAtMs >= FOLD_MS) write(id, c, atMs);
  };
  const observe = (devices: readonly DeviceStatus[]) => {
    const atMs = options.now();
    for (const device of devices) {
      const c = of(device.id);
      let countChanged = false;
      // The first reading is where it stands at start (readers start after this), not a change.
      if (c.state !== null && device.state !== c.state) {
        if (device.state !== 'online') c.errors += 1;
        else if (c.everOnline) c.reopens += 1;
        countChanged = device.state !== 'online' || c.everOnline;
      }
      c.state = device.state;
      if (device.state === 'online') {
        c.everOnline = true;
        c.lastSeenAtMs = atMs;
      }
      if (countChanged || device.state === 'online' || c.dirty) changed(device.id, c, countChanged || c.writtenAtMs === -Infinity);
    }
  };
  observe(options.devices());
  const offs = [
    options.events.on('deviceStatus', (status) => observe(status.devices)),
    options.events.on('checkIn', ({ deviceId }) => {
      const c = of(deviceId);
      c.lastSeenAtMs = options.now();
      changed(deviceId, c, false);
    }),
    options.events.on('cardError', ({ deviceId }) => {
      const c = of(deviceId);
      c.errors += 1;
      changed(deviceId, c, true);
    }),
  ];
  return {
    sinceMs() {
      const current = options.devices().map((d) => counts.get(d.id)?.sinceMs ?? startMs);
      return Math.min(startMs, ...current);
    },
    list() {
      const devices = options.devices();
      observe(devices);
      return devices.map((d) => {
        const c = of(d.id);
        return { ...d, lastSeenAtMs: c.lastSeenAtMs, errors: c.errors, reopens: c.reopens };
      });
    },
    detach() {
      offs.forEach((off) => off());
      const atMs = options.now();
      for (const [id, c] of counts) if (c.dirty) write(id, c, atMs);
    },
  };
}
