/** What the worker needs to know about the devices: whether card taps can work, and whether a slip can be printed. */
import type { DeviceStatus } from '../../common/domain';

/**
 * True when some configured card reader is offline, so a tap may do nothing and the worker
 * should be pointed at "No card" or staff. A degraded reader still reads, so it does not
 * alarm anyone at the door (stewards see it on their console).
 */
export function cardReaderOffline(devices: readonly DeviceStatus[]): boolean {
  return devices.some((d) => d.kind === 'card-reader' && d.state === 'offline');
}

/**
 * Whether the slip printer can print now (answering, paper in), or null when the station has
 * none, so the pickup-code screen offers no slip at all rather than a button that cannot work.
 */
export function slipPrinterReady(devices: readonly DeviceStatus[]): boolean | null {
  const printer = devices.find((d) => d.kind === 'receipt-printer');
  return printer ? printer.state === 'online' : null;
}
