/**
 * Keeps simulator socat processes tied to the station that started them. A socat that outlives
 * its station holds pseudo-terminals nobody reads, and the links it leaves behind can later
 * point at a pty number the kernel has given to an unrelated program. So:
 * - socat is started under `setpriv --pdeathsig KILL` where that exists (Linux): the kernel
 *   kills it the moment the station dies, even by SIGKILL;
 * - its pid is recorded next to its links, and the next start kills a recorded process only
 *   after checking (`/proc/<pid>/cmdline`) that it is really a socat serving those links.
 */
import { accessSync, constants, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** `name` as given when it has a slash, else its first match on `PATH`; null when there is none. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = name.includes('/') ? [name] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next one.
    }
  }
  return null;
}

/**
 * The command that runs `socat args…` so that it dies with this process: through setpriv when
 * it exists, else socat alone (then only the pid file and the exit hook clean up after it).
 */
export function socatCommand(socat: string, args: readonly string[], setpriv: string | null = findExecutable('setpriv')): { file: string; args: string[] } {
  if (setpriv === null || process.platform !== 'linux') return { file: socat, args: [...args] };
  return { file: setpriv, args: ['--pdeathsig', 'KILL', '--', socat, ...args] };
}

export function writePidFile(path: string, pid: number): void {
  writeFileSync(path, `${pid}\n`, { mode: 0o600 });
}

/**
 * Kills the process recorded in `pidFile` if it is still a socat serving `link` (a pid the
 * kernel has reused for something else is left alone), then removes the pid file. Returns the
 * pid killed, or null.
 */
export function reapRecordedSocat(pidFile: string, link: string): number | null {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  } catch {
    return null;
  }
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 1 || !isOurSocat(pid, link)) return null;
  try {
    process.kill(pid, 'SIGKILL');
    return pid;
  } catch {
    return null;
  }
}

/** True when `/proc/<pid>/cmdline` is socat (possibly via setpriv) with `link=<link>` among its arguments. */
export function isOurSocat(pid: number, link: string): boolean {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return false;
  }
  const runsSocat = argv.some((arg) => arg === 'socat' || arg.endsWith('/socat'));
  return runsSocat && argv.some((arg) => arg.split(',').includes(`link=${link}`));
}
