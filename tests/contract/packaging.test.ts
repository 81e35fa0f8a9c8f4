/**
 * Packaging is not silently broken on the Node we support: electron-builder's own schema
 * accepts electron-builder.yml, @electron/rebuild loads under this Node, and no installed
 * package declares an engine range that our supported Node versions fall outside of (which
 * is what makes `npm ci` print EBADENGINE).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';

const require = createRequire(join(REPO_ROOT, 'package.json'));

interface BuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
}

// Not in app-builder-lib's index; this is the module electron-builder itself validates with.
const builderConfig = require('app-builder-lib/out/util/config/config') as BuilderConfigModule;
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface PackageJson {
  readonly engines: { readonly node: string };
  readonly devDependencies: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

describe('packaging on the supported Node', () => {
  it('electron-builder.yml passes electron-builder\'s own configuration schema', async () => {
    const config = await builderConfig.getConfig(REPO_ROOT, 'electron-builder.yml', null);
    expect(config.appId).toBe('org.union.reststation.kiosk');
    await expect(builderConfig.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator is real: an unknown key is refused.
    await expect(builderConfig.validateConfiguration({ ...config, kioskMode: true }, new DebugLogger(false)))
      .rejects.toThrow(/Invalid configuration object/);
  });

  it('electron-builder is pinned to the release whose native rebuild supports Node 20', () => {
    expect(pkg.devDependencies['electron-builder']).toBe('26.0.12');
    const installed = require('electron-builder/package.json') as { version: string };
    expect(installed.version).toBe('26.0.12');
  });

  it('@electron/rebuild loads under this Node and exposes rebuild()', () => {
    const rebuild = require('@electron/rebuild') as { rebuild: unknown };
    expect(typeof rebuild.rebuild).toBe('function');
    const { engines } = require('@electron/rebuild/package.json') as { engines: { node: string } };
    expect(semver.satisfies(process.version, engines.node)).toBe(true);
  });

  it('no installed package wants a newer Node than the oldest one we support', () => {
    const oldest = semver.minVersion(pkg.engines.node);
    expect(oldest?.version).toBe('20.19.0');
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const checked: string[] = [];
    const mismatches: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      // Optional packages for other platforms are in the lock but not on disk.
      if (path === '' || !existsSync(join(REPO_ROOT, path))) continue;
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!range) continue;
      checked.push(path);
      for (const node of [oldest!.version, process.version]) {
        if (!semver.satisfies(node, range, { includePrerelease: true })) mismatches.push(`${path} wants node ${range}, not ${node}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toContain('node_modules/@electron/rebuild');
    expect(checked.length).toBeGreaterThan(100);
  });
});
