import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');
/** What `npm start` runs (scripts/build-station.mjs): the supervisor, which runs the service bundle. */
const STATION_ENTRY = join(REPO, 'out', 'station', 'supervise.cjs');
/** The service bundle alone, without its supervisor (to measure what the supervisor costs). */
const SERVICE_ENTRY = join(REPO, 'out', 'station', 'start.cjs');
const READY_LINE = /Station ready at (http:\/\/127\.0\.0\.1:\d+\/)\n/;
const SCREEN_LINE = /^Private screen URL: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/m;

export interface StationProcess {
  /** `http://127.0.0.1:PORT/`: what anyone may request; the page it serves cannot connect. */
  readonly url: string;
  /** The private screen URL (token in the fragment) the station printed: open this one. */
  readonly screenUrl: string;
  readonly dataDir: string;
  /** The supervisor process `npm start` runs. */
  readonly child: ChildProcess;
  /** Pid of the station service process the supervisor runs now (Linux: from /proc), or null between restarts. */
  servicePid(): number | null;
  /** performance.now() when the process was spawned, when it printed its first line, and when it printed its URL (ms). */
  readonly timing: { readonly spawnedAt: number; readonly firstOutputAt: number; readonly readyAt: number };
  /** Everything the station printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s; removes the data dir unless kept. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data dir (e.g. to restart a station); a fresh temp dir otherwise. */
  dataDir?: string;
  /** Extra command-line arguments for `electron/start.ts`. */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Run the service bundle directly, without the supervisor `npm start` puts around it. */
  unsupervised?: boolean;
  /** How long to wait for the ready line, in ms. */
  readyTimeoutMs?: number;
}

let built = false;

/**
 * What `npm start` runs first: scripts/ensure-built.mjs rebuilds the page and the service
 * bundle when their sources changed. Once per test process; a build failure is thrown.
 */
export function ensureBuilt(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [join(REPO, 'scripts', 'ensure-built.mjs')], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`scripts/ensure-built.mjs failed (${result.status}):\n${result.stdout}${result.stderr}`);
  built = true;
}

/**
 * Starts the station the way `npm start -- --headless` does — the supervisor out/station/supervise.cjs
 * running the prebuilt service bundle out/station/start.cjs, after the same freshness check — with the browser host (no Electron
 * runtime exists here), in its own process, and resolves once it prints its URL.
 */
export async function startStation(options: StartOptions = {}): Promise<StationProcess> {
  ensureBuilt();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'station-e2e-'));
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [options.unsupervised ? SERVICE_ENTRY : STATION_ENTRY, '--headless', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    { cwd: REPO, env: { ...process.env, ...options.env, STATION_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let firstOutputAt = Number.NaN;
  const onOutput = (s: string) => {
    if (output === '') firstOutputAt = performance.now();
    output += s;
  };
  child.stdout.setEncoding('utf8').on('data', onOutput);
  child.stderr.setEncoding('utf8').on('data', onOutput);
  let readyAt = Number.NaN;

  const { url, screenUrl } = await new Promise<{ url: string; screenUrl: string }>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`station did not become ready within ${options.readyTimeoutMs ?? 30_000} ms:\n${output}`));
    }, options.readyTimeoutMs ?? 30_000);
    const onData = () => {
      const match = READY_LINE.exec(output);
      const screen = SCREEN_LINE.exec(output);
      if (match?.[1] && screen?.[1]) {
        readyAt = performance.now();
        clearTimeout(timer);
        resolveUrl({ url: match[1], screenUrl: screen[1] });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`station exited with ${code} before it was ready:\n${output}`));
    });
  });

  const stop = async ({ keepData = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const servicePid = () => childPids(child.pid)[0] ?? null;
  return { url, screenUrl, dataDir, child, servicePid, timing: { spawnedAt, firstOutputAt, readyAt }, output: () => output, stop };
}

function childPids(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
