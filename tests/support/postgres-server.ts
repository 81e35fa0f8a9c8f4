/**
 * A throwaway PostgreSQL server for the collector's tests and bench: Debian's `postgresql`
 * binaries, a fresh cluster in a temporary folder, listening on 127.0.0.1 only (and a Unix
 * socket inside that folder), trust authentication for the `postgres` user. PostgreSQL
 * refuses to run as root, so as root the server runs as nobody (setpriv); it also gets a
 * parent-death signal, so it stops with the process that started it even after a crash.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const NOBODY = { uid: 65534, gid: 65534 };
const POSTGRES_ROOT = '/usr/lib/postgresql';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  /** The server's major version, e.g. 15. */
  readonly version: number;
  /** The postmaster's process id (its backends are its children), for CPU accounting. */
  readonly pid: number;
  /** Fast shutdown (SIGINT), then the cluster folder is deleted. Idempotent. */
  stop(): Promise<void>;
}

export interface PostgresServerOptions {
  /**
   * Durable commits (fsync, synchronous commit, full-page writes). Default false: tests
   * need correctness across connections, not across power cuts, and go faster without.
   */
  readonly durable?: boolean;
  /** Start-up bound, ms. Default 30 000. */
  readonly timeoutMs?: number;
}

/** The newest installed server's bin folder, or undefined when Debian's `postgresql` is missing. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(POSTGRES_ROOT, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(POSTGRES_ROOT, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `[file, args]` running `command` as nobody when we are root, with SIGINT if we die. */
function asServerUser(command: string, args: readonly string[]): [string, string[]] {
  const isRoot = process.getuid?.() === 0;
  const drop = isRoot ? [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, '--clear-groups'] : [];
  return ['/usr/bin/setpriv', [...drop, '--pdeathsig', 'SIGINT', command, ...args]];
}

async function waitUntilAccepting(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`postgres exited during start-up:\n${output()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates and starts a cluster; throws with the server's output if it cannot. */
export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`No PostgreSQL server under ${POSTGRES_ROOT}: install it with  sudo apt-get install -y postgresql  (or npm run setup as root)`);
  const root = mkdtempSync(join(tmpdir(), 'collector-pg-'));
  const dataDir = join(root, 'data');
  if (process.getuid?.() === 0) chownSync(root, NOBODY.uid, NOBODY.gid);
  const [initFile, initArgs] = asServerUser(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const init = spawnSync(initFile, initArgs, { cwd: root, encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status ?? init.signal}):\n${init.stdout}${init.stderr}${init.error?.message ?? ''}`);
  }
  const port = await freePort();
  const settings = options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const [file, args] = asServerUser(join(bin, 'postgres'), [
    '-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', root, '-c', 'max_connections=200', ...settings,
  ]);
  const child = spawn(file, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(root, { recursive: true, force: true });
    })();
    return stopped;
  };
  try {
    await waitUntilAccepting(url, child, () => log, options.timeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, version: Number(bin.split('/').at(-2)), pid: child.pid!, stop };
}
