import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { findExecutable, reapRecordedSocat, socatCommand, writePidFile } from './socat-process';

export interface PtyPairOptions {
  /** Symlink path for the side the driver opens, e.g. `<dataDir>/sim/reader-host`. */
  readonly hostLink: string;
  /** Symlink path for the side the simulator opens. */
  readonly deviceLink: string;
  /** socat executable. Default `socat` from PATH. */
  readonly socatPath?: string;
  /** Longest wait for both links to appear, in milliseconds. Default 5000. */
  readonly readyTimeoutMs?: number;
}

/** openPtyPair's rejection when the socat executable does not exist, so callers can say how to get it. */
export class SocatMissingError extends Error {
  /** The command that installs it on Debian/Ubuntu. */
  readonly installCommand = 'sudo apt-get install -y socat';
  constructor(readonly socatPath: string) {
    super(`socat not found ("${socatPath}"): install it (e.g. apt install socat) to simulate serial devices`);
    this.name = 'SocatMissingError';
  }
}

/** Why no pty pair could be made, in a few words for a start-up line. */
export function ptyUnavailableReason(error: unknown): string {
  if (error instanceof SocatMissingError) return `socat not found: ${error.installCommand}`;
  return error instanceof Error ? error.message : String(error);
}

export interface PtyPair {
  readonly hostPath: string;
  readonly devicePath: string;
  /** socat's process id, e.g. to kill it hard in tests (its links are then left dangling). */
  readonly pid: number | undefined;
  /** True once socat has exited, for whatever reason. */
  readonly exited: boolean;
  /**
   * Resolves when socat exits, for whatever reason; by then both links are gone, so nothing
   * can reopen a dangling link whose pty number the kernel may give to another program.
   */
  readonly whenExited: Promise<void>;
  /** Stops socat (SIGTERM, then SIGKILL after 1 s) and waits for it. Idempotent. */
  close(): Promise<void>;
}

/**
 * A pseudo-terminal pair from socat: bytes written to one link come out of the other through
 * real ttys, so drivers run the real serialport binding. socat lives and dies with this
 * process (see `socat-process.ts`); a socat left by a killed station is reaped (after checking
 * it is ours, by its pid file `<hostLink>.pid`) and its stale links removed first. Rejects
 * with a plain reason when socat is missing or does not come up.
 */
export async function openPtyPair(options: PtyPairOptions): Promise<PtyPair> {
  const { hostLink, deviceLink } = options;
  const socatName = options.socatPath ?? 'socat';
  const deadline = Date.now() + (options.readyTimeoutMs ?? 5000);
  const pidFile = `${hostLink}.pid`;
  mkdirSync(dirname(hostLink), { recursive: true });
  mkdirSync(dirname(deviceLink), { recursive: true });
  reapRecordedSocat(pidFile, hostLink);
  for (const link of [hostLink, deviceLink]) removeStaleLink(link);
  const socat = findExecutable(socatName);
  if (socat === null) throw new SocatMissingError(socatName);
  const command = socatCommand(socat, ['-d', '-d', `pty,raw,echo=0,link=${hostLink}`, `pty,raw,echo=0,link=${deviceLink}`]);
  const child = spawn(command.file, command.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (child.pid !== undefined) writePidFile(pidFile, child.pid);
  // A socat outliving the station would hold the links; kill it when this process exits.
  const killOnExit = (): void => { child.kill('SIGTERM'); };
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString();
  });
  let exited = false;
  let spawnError: Error | undefined;
  // The pty each link pointed at once socat made it: a link is removed only while it still
  // points there, never one a newer socat has made meanwhile.
  const targets = new Map<string, string>();
  const onExit = (): void => {
    exited = true;
    process.off('exit', killOnExit);
    rmSync(pidFile, { force: true });
    // socat removes its links on SIGTERM, not when killed: do it here, at once.
    for (const link of [hostLink, deviceLink]) removeLinkIfTarget(link, targets.get(link));
  };
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => { onExit(); resolve(); });
    child.once('error', (error) => { spawnError = error; onExit(); resolve(); });
  });

  const close = async (): Promise<void> => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exit;
      clearTimeout(timer);
    }
  };

  while (!(existsSync(hostLink) && existsSync(deviceLink))) {
    if (spawnError) {
      if ((spawnError as NodeJS.ErrnoException).code === 'ENOENT') throw new SocatMissingError(socat);
      throw new Error(`socat failed to start: ${spawnError.message}`);
    }
    if (exited) throw new Error(`socat exited before the pty pair was ready: ${stderr.trim() || 'no output'}`);
    if (Date.now() > deadline) {
      await close();
      throw new Error(`socat did not create ${hostLink} and ${deviceLink} in time: ${stderr.trim() || 'no output'}`);
    }
    // socat makes its links within tens of ms; a coarse poll would add up to its period to start-up.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  for (const link of [hostLink, deviceLink]) targets.set(link, readLink(link) ?? '');
  return {
    hostPath: hostLink,
    devicePath: deviceLink,
    pid: child.pid,
    get exited() { return exited; },
    whenExited: exit,
    close,
  };
}

function readLink(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}

/** Removes a link left by our socat; `target` undefined (not known yet) removes any symlink. */
function removeLinkIfTarget(path: string, target: string | undefined): void {
  if (target !== undefined && readLink(path) !== target) return;
  removeStaleLink(path);
}

function removeStaleLink(path: string): void {
  try {
    if (lstatSync(path).isSymbolicLink()) unlinkSync(path);
  } catch {
    // Not there: nothing to remove.
  }
}
