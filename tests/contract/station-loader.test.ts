/**
 * `npm start` runs out/station/start.cjs, a loader that runs the service bundle with the V8
 * code cache made at build time. The cache must be one this Node accepts (a refused cache
 * silently costs the compile it was made to save), and the loader must run the bundle as
 * `node service.cjs` would: same arguments, same exit.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Module } from 'node:module';
import { join } from 'node:path';
import { Script, constants } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';
import { SERVICE_V8_FLAGS } from '../../electron/supervisor/service-process';
import { ensureBuilt } from '../support/station-process';

const OUT = join(REPO_ROOT, 'out', 'station');

beforeAll(() => ensureBuilt(), 120_000);

describe('the station loader (out/station/start.cjs)', () => {
  it('has a code cache for the bundle, named for its build, that this Node accepts', () => {
    const bundle = join(OUT, 'service.cjs');
    const source = readFileSync(bundle, 'utf8');
    const build = /^\/\* station-build ([0-9a-f]+) \*\//.exec(source)?.[1];
    const file = readFileSync(`${bundle}.cache`);
    // The first line names the build the cache belongs to (and whether a start has warmed it).
    const headerEnd = file.indexOf(10);
    expect(file.subarray(0, headerEnd).toString('latin1')).toMatch(new RegExp(`^station-code-cache ${build} (build|warm)$`));
    // Checked in a Node with the service's V8 flags, as the supervisor starts it: V8 refuses a
    // cache made under other flags.
    const check = `const { Script, constants } = require('node:vm'); const { Module } = require('node:module');
      const fs = require('node:fs'); const file = fs.readFileSync(${JSON.stringify(`${bundle}.cache`)});
      const script = new Script(Module.wrap(fs.readFileSync(${JSON.stringify(bundle)}, 'utf8')), { filename: ${JSON.stringify(bundle)},
        cachedData: file.subarray(file.indexOf(10) + 1), importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
      process.stdout.write(String(script.cachedDataRejected));`;
    const inService = spawnSync(process.execPath, [...SERVICE_V8_FLAGS, '-e', check], { encoding: 'utf8', timeout: 30_000 });
    expect(inService.stdout).toBe('false');
    // The same cache in a Node on V8's defaults is refused: the flags are what the cache is tied to.
    const script = new Script(Module.wrap(source), { filename: bundle, cachedData: file.subarray(headerEnd + 1), importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    expect(script.cachedDataRejected).toBe(true);
  });

  it('runs the bundle with the process arguments, as node service.cjs does', () => {
    const viaLoader = spawnSync(process.execPath, [join(OUT, 'start.cjs'), '--no-such-option'], { encoding: 'utf8', timeout: 30_000 });
    const direct = spawnSync(process.execPath, [join(OUT, 'service.cjs'), '--no-such-option'], { encoding: 'utf8', timeout: 30_000 });
    expect(viaLoader.status).toBe(2);
    expect(viaLoader.stderr).toMatch(/^Unknown argument --no-such-option\. Usage: npm start -- /);
    expect({ status: viaLoader.status, stdout: viaLoader.stdout, stderr: viaLoader.stderr }).toEqual({
      status: direct.status,
      stdout: direct.stdout,
      stderr: direct.stderr,
    });
  });
});
