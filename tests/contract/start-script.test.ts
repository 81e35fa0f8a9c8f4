/**
 * `npm start` as a newcomer runs it on a machine without Electron: the real start script,
 * the real service on the built-in simulator, and the browser host on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';

const TSX = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface Started {
  readonly child: ChildProcess;
  readonly lines: string[];
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

function startScript(args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, [TSX, join(REPO_ROOT, 'electron', 'start.ts'), ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  const onData = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    waiters.splice(0).forEach((wake) => wake());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForLine = (pattern: RegExp, timeoutMs = 15_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in ${timeoutMs} ms; got:\n${lines.join('\n')}`)), timeoutMs);
      const check = () => {
        const line = lines.find((l) => pattern.test(l));
        if (line) {
          clearTimeout(timer);
          resolve(line);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`exited ${child.exitCode} before ${pattern}; got:\n${lines.join('\n')}`));
        } else {
          waiters.push(check);
        }
      };
      void exited.then(() => waiters.splice(0).forEach((wake) => wake()));
      check();
    });
  return { child, lines, waitForLine, exited };
}

function status(url: string): Promise<{ status: number; csp: unknown }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] });
    })
      .on('error', reject)
      .end();
  });
}

describe('npm start without Electron', () => {
  const dataDirs: string[] = [];
  const children: ChildProcess[] = [];

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  // No display, so no browser window opens; ELECTRON_* as in CI.
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    delete e.DISPLAY;
    delete e.WAYLAND_DISPLAY;
    delete e.STATION_HOST;
    return e;
  };

  it('says which host, serves on 127.0.0.1 with the simulator, and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-start-'));
    dataDirs.push(dataDir);
    const run = startScript(['--headless', '--port', '0', '--data-dir', dataDir], env());
    children.push(run.child);

    const ready = await run.waitForLine(/^Station ready at /);
    expect(run.lines.filter((l) => l.startsWith('Host: '))).toEqual(['Host: browser (Electron runtime not available)']);
    const url = /^Station ready at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(ready)?.[1];
    expect(url).toBeDefined();
    // The private screen URL follows on its own line; the page served at `url` carries no token.
    const screen = await run.waitForLine(/^Private screen URL: /);
    const token = /^Private screen URL: http:\/\/127\.0\.0\.1:\d+\/#token=([A-Za-z0-9_-]{43})$/.exec(screen)?.[1];
    expect(screen.startsWith(`Private screen URL: ${url!}#token=`)).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'screen-token.json'), 'utf8'))).toMatchObject({ token });
    // 200 once the renderer is built, 503 with a hint before; either way the host answers.
    const res = await status(url!);
    expect([200, 503]).toContain(res.status);
    expect(String(res.csp)).toContain("default-src 'none'");
    expect(run.lines).toContain('Devices: built-in simulators (card reader, locker wall)');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expect(status(url!)).rejects.toThrow(/ECONNREFUSED/);
  }, 30_000);

  it('refuses an unknown argument with usage and exit code 2', async () => {
    const run = startScript(['--bogus'], env());
    children.push(run.child);
    expect(await run.exited).toBe(2);
    expect(run.lines.join('\n')).toMatch(/Unknown argument --bogus\. Usage: npm start/);
  });
});
