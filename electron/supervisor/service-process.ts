/**
 * How the supervisor starts the station service's process: the service entry forked with the
 * IPC channel open, the supervisor's own runtime flags (tsx's loader when run from source) and
 * the service's V8 heap settings below.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { SUPERVISED_ENV } from './supervisor-channel';
import serviceV8Flags from './service-v8-flags.json';

/**
 * The service's V8 heap settings, a product decision: the service runs for months on a small
 * machine, and what counts there is resident memory that stays flat, not the last percent of
 * allocation speed.
 *
 * `--max-semi-space-size=2` (MB): V8 grows the young generation up to 16 MB per semi-space
 * under a burst of allocation (a burst of taps, a week of locker sessions) and keeps it
 * reserved afterwards; 2 MB is already more than a tap's garbage, and a scavenge of 2 MB is
 * shorter than one of 16 MB. Measured in the accelerated week soak (tests/bench/week-soak.ts).
 *
 * Kept in a JSON file of their own because the build reads them too: V8 refuses a code cache
 * made under other flags, so scripts/build-station.mjs makes the service's cache under these.
 */
export const SERVICE_V8_FLAGS: readonly string[] = serviceV8Flags;

/** The runtime flags of the service process: the parent's own (e.g. tsx's loader) and the service's. */
export function serviceExecArgv(parentExecArgv: readonly string[] = process.execArgv): string[] {
  // A parent's own setting of the same flag would otherwise win or clash: the service's go last.
  const names = new Set(SERVICE_V8_FLAGS.map((flag) => flag.split('=')[0]));
  return [...parentExecArgv.filter((arg) => !names.has(arg.split('=')[0]!)), ...SERVICE_V8_FLAGS];
}

/** Starts one station service process: `entry` with `args`, supervised, with the service's V8 settings. */
export function spawnStationService(entry: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, execArgv = serviceExecArgv()): ChildProcess {
  return fork(entry, [...args], {
    execArgv,
    env: { ...env, [SUPERVISED_ENV]: '1' },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
}
