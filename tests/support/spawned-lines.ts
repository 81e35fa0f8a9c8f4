/**
 * A child process run the way a person runs a command in a terminal, with every line it
 * prints (stdout and stderr) collected, bounded waits for a line, and a stop that takes down
 * everything it started (npm → sh → tsx → socat) as one process group.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpawnedLines {
  readonly child: ChildProcess;
  /** Every non-empty line printed so far, in arrival order. */
  readonly lines: string[];
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** The first line matching, waiting up to `timeoutMs`; rejects with all output on timeout or exit. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /**
   * `signal` (default SIGTERM; SIGINT is what Ctrl-C sends) to the whole group, SIGKILL after
   * `graceMs` (default 10 s); resolves with the exit code, null when a signal ended it.
   */
  stop(options?: { readonly signal?: NodeJS.Signals; readonly graceMs?: number }): Promise<number | null>;
}

export interface SpawnLinesOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Run as this uid/gid (through setpriv), e.g. 65534 for nobody. Only root can do this. */
  readonly asUser?: { readonly uid: number; readonly gid: number };
}

export function spawnLines(command: string, args: readonly string[], options: SpawnLinesOptions): SpawnedLines {
  const [file, argv] = options.asUser
    ? ['/usr/bin/setpriv', [`--reuid=${options.asUser.uid}`, `--regid=${options.asUser.gid}`, '--clear-groups', command, ...args]]
    : [command, [...args]];
  // Its own process group, so a stop reaches the grandchildren npm and sh do not pass signals to.
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  let partial = { stdout: '', stderr: '' };
  const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const parts = (partial[stream] + chunk.toString('utf8')).split('\n');
    partial = { ...partial, [stream]: parts.pop() ?? '' };
    lines.push(...parts.filter(Boolean));
    waiters.splice(0).forEach((wake) => wake());
  };
  child.stdout?.on('data', onData('stdout'));
  child.stderr?.on('data', onData('stderr'));
  let exitedYet = false;
  const exited = new Promise<number | null>((resolve) => {
    const finish = (code: number | null) => {
      for (const rest of [partial.stdout, partial.stderr]) if (rest) lines.push(rest);
      partial = { stdout: '', stderr: '' };
      exitedYet = true;
      resolve(code);
      waiters.splice(0).forEach((wake) => wake());
    };
    child.once('exit', (code) => finish(code));
    child.once('error', (error) => {
      lines.push(`spawn failed: ${error.message}`);
      finish(null);
    });
  });

  const waitForLine = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in ${timeoutMs} ms; got:\n${lines.join('\n')}`)), timeoutMs);
      const check = () => {
        const line = lines.find((l) => pattern.test(l));
        if (line !== undefined) {
          clearTimeout(timer);
          resolve(line);
        } else if (exitedYet) {
          clearTimeout(timer);
          reject(new Error(`exited before ${pattern}; got:\n${lines.join('\n')}`));
        } else {
          waiters.push(check);
        }
      };
      check();
    });

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const stop = async ({ signal = 'SIGTERM' as NodeJS.Signals, graceMs = 10_000 } = {}) => {
    if (!exitedYet) {
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    // Whatever the leader left behind (a socat, a tsx child) goes too.
    signalGroup('SIGKILL');
    return exited;
  };
  return { child, lines, exited, waitForLine, stop };
}

/** HTTP status of a GET, without keep-alive so nothing holds the server open. */
export function httpStatus(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    })
      .on('error', reject)
      .end();
  });
}

/** npm's own CLI script: the one running these tests, else the `npm` on PATH. */
export function npmCliPath(): string {
  if (process.env.npm_execpath) return process.env.npm_execpath;
  const found = spawnSync('/bin/sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('npm is not on PATH');
  return realpathSync(found);
}

/**
 * A directory holding only `sh`, `node` and `npm`, to use as the whole PATH: a machine where
 * nothing else (socat, for one) is installed.
 */
export function barePathDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'station-path-'));
  chmodSync(dir, 0o755); // another user may run from it
  symlinkSync('/bin/sh', join(dir, 'sh'));
  symlinkSync(process.execPath, join(dir, 'node'));
  symlinkSync(npmCliPath(), join(dir, 'npm'));
  return dir;
}
