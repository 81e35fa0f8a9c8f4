/**
 * The station as `npm start` wires it with no hardware (createWiredStation: the real drivers
 * on socat pty pairs, the board simulator behind the locker wall) in a fresh data directory
 * per test, with every simulated device online before the test starts and each device's
 * states recorded from then on — the setup the replug and tap-burst tests share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { DeviceStatus } from '../../common/domain';
import { createWiredStation, type StationWiringOptions, type WiredStation } from '../../electron/hosts/station-wiring';
import { waitUntil } from '../../hardware/testing/wait-until';

export const SIMULATED_DEVICES = ['card-reader', 'locker-bus', 'receipt-printer'] as const satisfies readonly DeviceStatus['kind'][];

/** Every simulated device `online` from the start, and at every moment since. */
export const ALWAYS_ONLINE: Readonly<Record<string, readonly string[]>> = Object.fromEntries(SIMULATED_DEVICES.map((kind) => [kind, ['online']]));

export interface WatchedStation {
  readonly wired: WiredStation;
  readonly dataDir: string;
  /** A device's state now (from the pushed `deviceStatus` events). */
  stateOf(kind: DeviceStatus['kind']): DeviceStatus['state'] | undefined;
  /** Each device's states since it was first online, one entry per change. */
  readonly seen: Record<string, string[]>;
}

/**
 * Per test: a fresh data directory (`prefix`), and a `start()` that wires the station there
 * and resolves once every simulated device is online. The station is closed and the
 * directory removed after each test.
 */
export function useWatchedStation(prefix: string): { dataDir(): string; start(service?: StationWiringOptions['service']): Promise<WatchedStation> } {
  let dataDir = '';
  let station: WiredStation | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await station?.service.close();
    station = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir: () => dataDir,
    async start(service) {
      const wired = await createWiredStation({ dataDir, ...(service ? { service } : {}) });
      station = wired;
      let devices: DeviceStatus[] = [];
      wired.service.events.on('deviceStatus', ({ devices: now }) => (devices = now));
      const first = await wired.service.api.getDeviceStatus();
      if (first.ok) devices = first.value;
      const stateOf = (kind: DeviceStatus['kind']) => devices.find((d) => d.kind === kind)?.state;
      await waitUntil(() => SIMULATED_DEVICES.every((kind) => stateOf(kind) === 'online'), 'every device online', 15_000);
      const seen: Record<string, string[]> = Object.fromEntries(SIMULATED_DEVICES.map((kind) => [kind, ['online']]));
      wired.service.events.on('deviceStatus', ({ devices: now }) => {
        for (const d of now) {
          const states = seen[d.kind];
          if (states && states.at(-1) !== d.state) states.push(d.state);
        }
      });
      return { wired, dataDir, stateOf, seen };
    },
  };
}
