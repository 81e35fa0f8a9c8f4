/**
 * `npm start` as a newcomer runs it on a machine without Electron: the real start script,
 * the real service on the built-in simulators, and the browser host on 127.0.0.1. What it
 * prints about each device is what really started.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';
import { httpStatus, npmCliPath, barePathDir, spawnLines, type SpawnedLines } from '../support/spawned-lines';

// tsx as a loader inside the station's own process, not its CLI: the CLI relays a signal to
// its child and SIGKILLs it (exit 143) when the child has not acknowledged within 60 ms,
// which a loaded machine misses. The station itself sees the signals as it would in production.
const TSX_LOADER = ['--import', 'tsx'];
const READY = /^Station ready at (http:\/\/127\.0\.0\.1:\d+\/)$/;
const NOBODY = { uid: 65534, gid: 65534 };

describe('npm start without Electron', () => {
  const dirs: string[] = [];
  const runs: SpawnedLines[] = [];

  afterEach(async () => {
    for (const run of runs.splice(0)) await run.stop({ graceMs: 2_000 });
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  // No display, so no browser window opens.
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env };
    delete e.DISPLAY;
    delete e.WAYLAND_DISPLAY;
    delete e.STATION_HOST;
    return e;
  };

  const startTs = (args: string[]) => {
    const run = spawnLines(process.execPath, [...TSX_LOADER, join(REPO_ROOT, 'electron', 'start.ts'), ...args], { cwd: REPO_ROOT, env: env() });
    runs.push(run);
    return run;
  };

  it('says which host and which devices, serves on 127.0.0.1, and exits 0 on SIGTERM', async () => {
    const dataDir = tempDir('station-start-');
    const run = startTs(['--headless', '--port', '0', '--data-dir', dataDir]);

    const ready = await run.waitForLine(/^Station ready at /);
    const url = READY.exec(ready)?.[1];
    expect(url).toBeDefined();
    // Everything up to the ready line; a line after it may carry the page's address with its secret.
    expect(run.lines.slice(0, run.lines.indexOf(ready) + 1)).toEqual([
      'Host: browser (Electron runtime not available)',
      expect.stringMatching(/^Steward setup code: \d{8} \(no steward is set up yet; on the screen tap "Steward", enter this code, then choose the PIN\)$/),
      `Card reader: simulated on pty ${dataDir}/sim/reader-host (tap a card: npm run sim -- tap 0040856634)`,
      `Lockers: simulated wall of 12 on pty ${dataDir}/sim/lockers-host (shut a door: npm run sim -- locker close 1)`,
      `Slip printer: simulated on pty ${dataDir}/sim/printer-host (see what it printed: npm run sim -- printer printed)`,
      'Screen: none (--headless); open the private screen URL in a browser',
      ready,
    ]);
    // The private screen URL follows on its own line; the page served at `url` carries no token.
    const screen = await run.waitForLine(/^Private screen URL: /);
    const token = /^Private screen URL: http:\/\/127\.0\.0\.1:\d+\/#token=([A-Za-z0-9_-]{43})$/.exec(screen)?.[1];
    expect(screen.startsWith(`Private screen URL: ${url!}#token=`)).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'screen-token.json'), 'utf8'))).toMatchObject({ token });
    // 200 once the renderer is built, 503 with a hint before; either way the host answers.
    const res = await httpStatus(url!);
    expect([200, 503]).toContain(res.status);
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");

    expect(await run.stop()).toBe(0);
    await expect(httpStatus(url!)).rejects.toThrow(/ECONNREFUSED/);
  }, 30_000);

  it('a second SIGTERM to the process group while it is stopping still ends in a clean exit 0', async () => {
    const run = startTs(['--headless', '--port', '0', '--data-dir', tempDir('station-start-')]);
    await run.waitForLine(/^Station ready at /);
    // As systemd or a terminal does: the whole group, twice, the second while the first is closing.
    process.kill(-run.child.pid!, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 30));
    process.kill(-run.child.pid!, 'SIGTERM');
    expect(await run.exited).toBe(0);
  }, 30_000);

  it('npm start is one Node process before the service: the checks and the supervisor share it', async () => {
    const dataDir = tempDir('station-one-process-');
    const runEnv: NodeJS.ProcessEnv = { ...env(), npm_config_update_notifier: 'false' };
    delete runEnv.npm_execpath;
    const run = spawnLines(process.execPath, [npmCliPath(), 'start', '--', '--headless', '--port', '0', '--data-dir', dataDir], { cwd: REPO_ROOT, env: runEnv });
    runs.push(run);
    await run.waitForLine(/^Station ready at /, 60_000);
    // npm → sh → node scripts/start.mjs (system check, freshness check, supervisor) → node out/station/start.cjs (service).
    const tree = descendants(run.child.pid!);
    const start = tree.filter((p) => p.args[1]?.endsWith('scripts/start.mjs'));
    // The service's V8 settings come before its entry (electron/supervisor/service-process.ts).
    const service = tree.filter((p) => p.args.some((a) => a.endsWith('out/station/start.cjs')));
    expect(start).toHaveLength(1);
    expect(service).toHaveLength(1);
    expect(service[0]!.ppid).toBe(start[0]!.pid);
    expect(tree.filter((p) => p.args.some((a) => /setup-system\.mjs|ensure-built\.mjs|supervise\.cjs/.test(a)))).toEqual([]);
    expect(run.lines.filter((l) => !l.startsWith('>') && l.trim() !== '')[0]).toMatch(/^System packages present: /);
  }, 90_000);

  it('refuses an unknown argument with usage and exit code 2', async () => {
    const run = startTs(['--bogus']);
    expect(await run.exited).toBe(2);
    expect(run.lines.join('\n')).toMatch(/Unknown argument --bogus\. Usage: npm start/);
  }, 30_000);

  describe('on a machine without socat, as a user who is not root', () => {
    beforeAll(() => {
      // The page is built by whoever may write the checkout; the start below only reads it.
      const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ensure-built.mjs')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
      expect(built.status, built.stderr).toBe(0);
    }, 130_000);

    it('says what is missing and how to get it, names each device\'s real state, and still serves the page', async () => {
      const dataDir = tempDir('station-nosocat-');
      const pathDir = barePathDir();
      dirs.push(pathDir);
      // As root, drop to nobody (who then needs to own the data dir); anyone else already is not root.
      const asUser = process.getuid?.() === 0 ? NOBODY : undefined;
      if (asUser) chownSync(dataDir, asUser.uid, asUser.gid);
      const runEnv: NodeJS.ProcessEnv = {
        ...env(),
        PATH: pathDir, // sh, node and npm only: no socat
        HOME: dataDir,
        npm_config_cache: join(dataDir, 'npm-cache'),
        npm_config_update_notifier: 'false',
      };
      delete runEnv.npm_execpath;
      const run = spawnLines(process.execPath, [npmCliPath(), 'start', '--', '--headless', '--port', '0', '--data-dir', dataDir], {
        cwd: REPO_ROOT,
        env: runEnv,
        asUser,
      });
      runs.push(run);

      const ready = await run.waitForLine(/^Station ready at /, 60_000);
      const url = READY.exec(ready)?.[1];
      const ours = run.lines.filter((l) => !l.startsWith('>') && l.trim() !== '');
      expect(ours.slice(0, ours.indexOf(ready) + 1)).toEqual([
        'Missing socat (needed for simulated serial devices): install it with  sudo apt-get install -y socat',
        'Host: browser (Electron runtime not available)',
        expect.stringMatching(/^Steward setup code: \d{8} /),
        'Card reader: simulated in-process link, npm run sim cannot reach it (socat not found: sudo apt-get install -y socat)',
        'Lockers: none (socat not found: sudo apt-get install -y socat)',
        'Slip printer: none (socat not found: sudo apt-get install -y socat)',
        'Screen: none (--headless); open the private screen URL in a browser',
        ready,
      ]);
      const res = await httpStatus(url!);
      expect(res.status).toBe(200);
      // Ctrl-C in the terminal: the whole foreground group gets SIGINT (npm then ends by that
      // signal itself, so its exit code says nothing about the station's shutdown).
      await run.stop({ signal: 'SIGINT' });
      await expect(httpStatus(url!)).rejects.toThrow(/ECONNREFUSED/);
      expect(run.lines.filter((l) => /failed/i.test(l))).toEqual([]);
    }, 90_000);
  });
});

/** Every process below `root` (Linux /proc), with its parent and arguments. */
function descendants(root: number): { pid: number; ppid: number; args: string[] }[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const ppid = Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
        const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean);
        return [{ pid: Number(name), ppid, args }];
      } catch {
        return [];
      }
    });
  const found: { pid: number; ppid: number; args: string[] }[] = [];
  for (let frontier = [root]; frontier.length > 0; ) {
    const next = all.filter((p) => frontier.includes(p.ppid));
    found.push(...next);
    frontier = next.map((p) => p.pid);
  }
  return found;
}
