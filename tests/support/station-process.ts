import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');
const READY_LINE = /Station ready at (http:\/\/127\.0\.0\.1:\d+\/)\n/;
const SCREEN_LINE = /^Private screen URL: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/m;

export interface StationProcess {
  /** `http://127.0.0.1:PORT/`: what anyone may request; the page it serves cannot connect. */
  readonly url: string;
  /** The private screen URL (token in the fragment) the station printed: open this one. */
  readonly screenUrl: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
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
  /** How long to wait for the ready line, in ms. */
  readyTimeoutMs?: number;
}

/**
 * Starts the station the way `npm start -- --headless` does (the browser host, since no
 * Electron runtime exists here) in its own process, and resolves once it prints its URL.
 */
export async function startStation(options: StartOptions = {}): Promise<StationProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'station-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/start.ts', '--headless', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    { cwd: REPO, env: { ...process.env, ...options.env, STATION_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));

  const { url, screenUrl } = await new Promise<{ url: string; screenUrl: string }>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`station did not become ready within ${options.readyTimeoutMs ?? 30_000} ms:\n${output}`));
    }, options.readyTimeoutMs ?? 30_000);
    const onData = () => {
      const match = READY_LINE.exec(output);
      const screen = SCREEN_LINE.exec(output);
      if (match?.[1] && screen?.[1]) {
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
  return { url, screenUrl, dataDir, child, output: () => output, stop };
}
