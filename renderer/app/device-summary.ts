/** What the worker needs to know about the devices: only whether card taps can work. */
import type { DeviceStatus } from '../../common/domain';

/**
 * True when some configured card reader is offline, so a tap may do nothing and the worker
 * should be pointed at "No card" or staff. A degraded reader still reads, so it does not
 * alarm anyone at the door (stewards see it on their console).
 */
export function cardReaderOffline(devices: readonly DeviceStatus[]): boolean {
  return devices.some((d) => d.kind === 'card-reader' && d.state === 'offline');
}
