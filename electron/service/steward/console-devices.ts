/** `getConsoleDevices`: the device section's answer, for a signed-in steward only. */
import { stationMethods, type MethodInput, type MethodOutput } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import type { SyncStatus } from '../../../common/upstream-sync-status';
import type { DeviceHealthTracker } from './device-health';
import type { StewardAccess } from './steward-access';

export function consoleDevices(
  input: MethodInput<'getConsoleDevices'>,
  access: StewardAccess,
  health: DeviceHealthTracker,
  sync: () => SyncStatus,
): Result<MethodOutput<'getConsoleDevices'>> {
  const parsed = stationMethods.getConsoleDevices.input.safeParse(input);
  if (!parsed.success) return err('invalid-argument', 'getConsoleDevices: a steward session is required');
  const who = access.authorise(parsed.data.session);
  if (!who.ok) return who;
  return ok({ devices: health.list(), countedSinceMs: health.sinceMs(), sync: sync() });
}
