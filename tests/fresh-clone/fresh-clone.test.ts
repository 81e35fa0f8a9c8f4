/**
 * The README's front door on a fresh checkout: `git clone` this repository's HEAD into an
 * empty folder, run the README's first command exactly as written (plus `--headless`, since
 * there is no display, and a data dir of its own), with no environment variable set for it,
 * then check the station came up: the ready line, the page served, a simulated tap accepted.
 *
 * Slow (npm ci builds native modules), so it runs as its own step: `npm run test:fresh-clone`,
 * which `.ci/run` calls. npm's ordinary cache (~/.npm) is used as any machine would use it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';
import { httpStatus, spawnLines, type SpawnedLines } from '../support/spawned-lines';

const NPM_CI_AND_START_MS = 8 * 60_000;

/** The first command of the README's first sh block, without its comment. */
function readmeFirstCommand(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /```sh\n([^\n]*)\n/.exec(readme)?.[1] ?? '';
  return block.replace(/\s+#.*$/, '').trim();
}

/**
 * The environment of whoever runs this, minus what an outer `npm run` adds (npm_*) and
 * anything that would steer the station or Electron's install: the clone must work without.
 */
function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|ELECTRON_|STATION_)/i.test(key) || key === 'DISPLAY' || key === 'WAYLAND_DISPLAY') continue;
    env[key] = value;
  }
  return env;
}

describe('a fresh clone, following the README', () => {
  const work = mkdtempSync(join(tmpdir(), 'station-fresh-clone-'));
  const clone = join(work, 'rest-station-kiosk');
  const dataDir = join(work, 'data');
  let station: SpawnedLines | undefined;

  afterAll(async () => {
    await station?.stop({ signal: 'SIGINT', graceMs: 5_000 });
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('npm ci && npm start brings the station up, serves the page and takes a simulated tap', async () => {
    expect(readmeFirstCommand()).toBe('npm ci && npm start');
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
    const cloned = spawnSync('sh', ['-c', `git clone --quiet "${REPO_ROOT}" "${clone}" && git -C "${clone}" checkout --quiet --detach ${head}`], { encoding: 'utf8' });
    expect(cloned.status, cloned.stderr).toBe(0);

    const command = `${readmeFirstCommand()} -- --headless --port 0 --data-dir "${dataDir}"`;
    station = spawnLines('/bin/sh', ['-c', command], { cwd: clone, env: plainEnv() });
    const ready = await station.waitForLine(/^Station ready at /, NPM_CI_AND_START_MS);
    const url = /^Station ready at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(ready)?.[1];
    expect(url).toBeDefined();

    // A quiet, truthful install: no engine warning, no error, no Electron download attempted.
    const printed = station.lines.join('\n');
    expect(printed).not.toMatch(/EBADENGINE|npm error|npm ERR!/);
    expect(printed).not.toMatch(/electron\/install\.js|ENOTFOUND/);
    expect(station.lines).toContain('Host: browser (Electron runtime not available)');
    expect(station.lines).toContain(`Card reader: simulated on pty ${dataDir}/sim/reader-host (tap a card: npm run sim -- tap 0040856634)`);
    expect(station.lines).toContain(`Lockers: simulated wall of 12 on pty ${dataDir}/sim/lockers-host (shut a door: npm run sim -- locker close 1)`);

    const page = await httpStatus(url!);
    expect(page.status).toBe(200);

    // The README's second terminal; the data dir is the one given to npm start.
    const tap = spawnSync('npm', ['run', '--silent', 'sim', '--', 'tap', '0040856634'], {
      cwd: clone,
      env: { ...plainEnv(), STATION_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(tap.stderr).toBe('');
    expect(tap.status).toBe(0);
    expect(tap.stdout).toMatch(/^Tapped card U026F6C3A on "Simulated reader": EM4100 frame 02 /);

    await station.stop({ signal: 'SIGINT' });
    station = undefined;
    await expect(httpStatus(url!)).rejects.toThrow(/ECONNREFUSED/);
  }, NPM_CI_AND_START_MS + 120_000);
});
