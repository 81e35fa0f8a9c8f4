/**
 * out/station/start.cjs (scripts/station-loader.cjs) on a small bundle of its own, run by
 * node as `npm start` runs it: the build's code cache is replaced by a warm one after the
 * first start, a warm cache is kept, and another build's cache is never used.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../electron/service/testing/temp-dirs';
import { writeCodeCache } from './build-station.mjs';

const temp = useTempDirs('station-loader-');
const LOADER = resolve(import.meta.dirname, 'station-loader.cjs');

/** A bundle in the shape build-station.mjs makes: the build's id first, then code that prints and stays a moment. */
function bundleText(buildId: string): string {
  return `/* station-build ${buildId} */ const __stationBundleUrl = require('node:url').pathToFileURL(__filename).href;
function greet(name) { return 'ran ' + name + ' in ' + require('node:path').basename(__dirname); }
process.stdout.write(greet(module.filename.endsWith('service.cjs') ? 'service.cjs' : '?'));
setTimeout(() => undefined, 300);
`;
}

function station(buildId: string): { dir: string; run(warmMs?: string): string; cacheHead(): string } {
  const dir = temp.make();
  writeFileSync(join(dir, 'service.cjs'), bundleText(buildId));
  writeCodeCache(join(dir, 'service.cjs'), buildId);
  copyFileSync(LOADER, join(dir, 'start.cjs'));
  return {
    dir,
    run(warmMs = '0') {
      const result = spawnSync(process.execPath, [join(dir, 'start.cjs')], { encoding: 'utf8', env: { ...process.env, STATION_CODE_CACHE_WARM_MS: warmMs } });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return result.stdout;
    },
    cacheHead: () => readFileSync(join(dir, 'service.cjs.cache')).toString('latin1').split('\n')[0] ?? '',
  };
}

describe('station loader', () => {
  it('runs the bundle as require would, then replaces the build cache with a warm one, once', () => {
    const s = station('aaaaaaaaaaaaaaaa');
    expect(s.cacheHead()).toBe('station-code-cache aaaaaaaaaaaaaaaa build');
    expect(s.run()).toMatch(/^ran service\.cjs in station-loader-/);
    expect(s.cacheHead()).toBe('station-code-cache aaaaaaaaaaaaaaaa warm');
    const warm = statSync(join(s.dir, 'service.cjs.cache')).mtimeMs;
    const warmBytes = readFileSync(join(s.dir, 'service.cjs.cache'));
    expect(s.run()).toMatch(/^ran service\.cjs/);
    // Used as it is: not written again.
    expect(statSync(join(s.dir, 'service.cjs.cache')).mtimeMs).toBe(warm);
    expect(readFileSync(join(s.dir, 'service.cjs.cache')).equals(warmBytes)).toBe(true);
  });

  it("never uses another build's cache, even for a bundle of the same length, and makes its own", () => {
    const s = station('aaaaaaaaaaaaaaaa');
    s.run();
    expect(s.cacheHead()).toBe('station-code-cache aaaaaaaaaaaaaaaa warm');
    // A rebuild that left the old cache behind: same length, other code.
    writeFileSync(join(s.dir, 'service.cjs'), bundleText('bbbbbbbbbbbbbbbb').replace("'ran '", "'new '"));
    expect(s.run()).toMatch(/^new service\.cjs/);
    expect(s.cacheHead()).toBe('station-code-cache bbbbbbbbbbbbbbbb warm');
  });

  it('saves the warm cache on exit when the process stops before the warm-up time', () => {
    const s = station('dddddddddddddddd');
    expect(s.run('60000')).toMatch(/^ran service\.cjs/);
    expect(s.cacheHead()).toBe('station-code-cache dddddddddddddddd warm');
  });

  it('runs a bundle whose cache file is not a cache, and makes one', () => {
    const s = station('cccccccccccccccc');
    writeFileSync(join(s.dir, 'service.cjs.cache'), 'not a cache');
    expect(s.run()).toMatch(/^ran service\.cjs/);
    expect(s.cacheHead()).toBe('station-code-cache cccccccccccccccc warm');
  });
});
