import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';

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

export interface PtyPair {
  readonly hostPath: string;
  readonly devicePath: string;
  /** socat's process id, e.g. to kill it hard in tests (its links are then left dangling). */
  readonly pid: number | undefined;
  /** True once socat has exited, for whatever reason. */
  readonly exited: boolean;
  /** Stops socat (SIGTERM, then SIGKILL after 1 s) and waits for it. Idempotent. */
  close(): Promise<void>;
}

/**
 * A pseudo-terminal pair from socat: bytes written to one link come out of the other through
 * real ttys, so drivers run the real serialport binding. Stale links left by a killed socat
 * are removed first. Rejects with a plain reason when socat is missing or does not come up.
 */
export async function openPtyPair(options: PtyPairOptions): Promise<PtyPair> {
  const { hostLink, deviceLink } = options;
  const socat = options.socatPath ?? 'socat';
  const deadline = Date.now() + (options.readyTimeoutMs ?? 5000);
  for (const link of [hostLink, deviceLink]) {
    mkdirSync(dirname(link), { recursive: true });
    removeStaleLink(link);
  }
  const child = spawn(socat, ['-d', '-d', `pty,raw,echo=0,link=${hostLink}`, `pty,raw,echo=0,link=${deviceLink}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // A socat outliving the station would hold the links; kill it when this process exits.
  const killOnExit = (): void => { child.kill('SIGTERM'); };
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString();
  });
  let exited = false;
  let spawnError: Error | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => { exited = true; process.off('exit', killOnExit); resolve(); });
    child.once('error', (error) => { spawnError = error; exited = true; process.off('exit', killOnExit); resolve(); });
  });

  const close = async (): Promise<void> => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exit;
      clearTimeout(timer);
    }
    // socat removes its links on SIGTERM, not on SIGKILL.
    removeStaleLink(hostLink);
    removeStaleLink(deviceLink);
  };

  while (!(existsSync(hostLink) && existsSync(deviceLink))) {
    if (spawnError) {
      const missing = (spawnError as NodeJS.ErrnoException).code === 'ENOENT';
      throw new Error(missing ? `socat not found ("${socat}"): install it (e.g. apt install socat) to simulate serial devices` : `socat failed to start: ${spawnError.message}`);
    }
    if (exited) throw new Error(`socat exited before the pty pair was ready: ${stderr.trim() || 'no output'}`);
    if (Date.now() > deadline) {
      await close();
      throw new Error(`socat did not create ${hostLink} and ${deviceLink} in time: ${stderr.trim() || 'no output'}`);
    }
    // socat makes its links within tens of ms; a coarse poll would add up to its period to start-up.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return {
    hostPath: hostLink,
    devicePath: deviceLink,
    pid: child.pid,
    get exited() { return exited; },
    close,
  };
}

function removeStaleLink(path: string): void {
  try {
    if (lstatSync(path).isSymbolicLink()) unlinkSync(path);
  } catch {
    // Not there: nothing to remove.
  }
}
