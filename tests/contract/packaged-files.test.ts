/**
 * What electron-builder would package, checked without the Electron binary: the package
 * metadata passes electron-builder's own checks, the `files` globs take the built app and
 * leave out sources and install-time files, every native binary of a production dependency is
 * unpacked from the asar, and the afterPack hook sets every fuse as decided (on a file that
 * carries a real fuse wire layout).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';

const require = createRequire(join(REPO_ROOT, 'package.json'));
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
};
const { checkMetadata } = require('app-builder-lib/out/util/packageMetadata') as {
  checkMetadata(metadata: unknown, devMetadata: unknown, appPackageFile: string, devAppPackageFile: string): void;
};
interface AfterPackModule {
  default(context: unknown): Promise<void>;
  STATION_FUSES: Record<string, unknown>;
}
const afterPack = require(join(REPO_ROOT, 'scripts', 'after-pack.cjs')) as AfterPackModule;

interface BuilderConfig {
  /** After getConfig: the yml's list, as one `{ filter }` entry. */
  files: Array<string | { filter: string[] }>;
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  linux: { target: Array<{ target: string; arch: string[] }>; executableName: string };
  win: { target: Array<{ target: string; arch: string[] }> };
  nsis: { include: string };
  extraResources: Array<{ from: string; to: string }>;
}

const PKG_FILE = join(REPO_ROOT, 'package.json');
const pkg = JSON.parse(readFileSync(PKG_FILE, 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** electron-builder's reading of `files`: includes, then `!` excludes, in order. */
function packaged(files: BuilderConfig['files'], path: string): boolean {
  let taken = false;
  for (const pattern of files.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter))) {
    if (pattern.startsWith('!')) {
      if (minimatch(path, pattern.slice(1), { dot: true })) taken = false;
    } else if (minimatch(path, pattern, { dot: true })) taken = true;
  }
  return taken;
}

describe('what electron-builder would package', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('package.json passes electron-builder\'s metadata check (electron only in devDependencies, author set)', () => {
    expect(() => checkMetadata(pkg, pkg, PKG_FILE, PKG_FILE)).not.toThrow();
    expect(pkg.dependencies.electron).toBeUndefined();
    // The check is real: Electron as a production dependency is refused.
    expect(() => checkMetadata({ ...pkg, dependencies: { ...pkg.dependencies, electron: '^41.0.0' } }, pkg, PKG_FILE, PKG_FILE))
      .toThrow(/"electron" is only allowed in "devDependencies"/);
  });

  it('targets AppImage and deb for x64 and arm64, NSIS for Windows, rebuilds native modules and sets fuses after packing', async () => {
    const config = await builderConfig.getConfig(REPO_ROOT, 'electron-builder.yml', null);
    expect(config.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.npmRebuild).toBe(true);
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
    expect(config.nsis.include).toBe('resources/autostart/windows-autostart.nsh');
    // docs/kiosk-setup.md copies the unit from there.
    expect(config.extraResources).toEqual([{ from: 'resources/autostart/rest-station-kiosk.service', to: 'autostart/rest-station-kiosk.service' }]);
  });

  it('takes the built app, its pages and resources; leaves out sources, maps, tests and install-time files', async () => {
    const { files } = await builderConfig.getConfig(REPO_ROOT, 'electron-builder.yml', null);
    for (const path of ['package.json', 'out/electron/main/main.js', 'out/electron/preload/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js', 'resources/recovery.html', 'resources/default-station.json', 'resources/sounds/voice/zh-CN/welcome.ogg']) {
      expect(packaged(files, path), path).toBe(true);
    }
    for (const path of ['electron/main/main.ts', 'renderer/app/App.tsx', 'out/electron/main/main.js.map', 'out/station/start.cjs', 'tests/e2e/check-in.spec.ts', 'resources/autostart/rest-station-kiosk.service', 'resources/autostart/windows-task.xml', 'scripts/after-pack.cjs', 'upstream/cli.ts', 'station.db']) {
      expect(packaged(files, path), path).toBe(false);
    }
  });

  it('unpacks every native binary of the production dependencies, and ships no build tool', async () => {
    const { asarUnpack } = await builderConfig.getConfig(REPO_ROOT, 'electron-builder.yml', null);
    const production = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((line) => line && line !== REPO_ROOT)
      .map((dir) => relative(REPO_ROOT, dir).split(sep).join('/'));
    for (const name of ['better-sqlite3', 'node-hid', '@serialport/bindings-cpp']) expect(production).toContain(`node_modules/${name}`);
    for (const name of ['electron', 'electron-builder', 'vitest', 'vite', '@electron/fuses']) expect(production).not.toContain(`node_modules/${name}`);
    const natives = execFileSync('find', [...production, '-name', '*.node', '-type', 'f'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(natives.some((path) => path.includes('better-sqlite3'))).toBe(true);
    expect(natives.some((path) => path.includes('node-hid'))).toBe(true);
    const packedInAsar = natives.filter((path) => !asarUnpack.some((pattern) => minimatch(path, pattern, { dot: true })));
    expect(packedInAsar).toEqual([]);
  });

  it('the afterPack hook sets every fuse of a V1 wire as decided', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'after-pack-'));
    dirs.push(appOutDir);
    // The layout @electron/fuses looks for: sentinel, wire version 1, wire length, one byte per fuse.
    const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const before = Buffer.concat([Buffer.from('ELF-ish head '), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110110'), Buffer.from(' tail')]);
    const binary = join(appOutDir, 'rest-station-kiosk');
    writeFileSync(binary, before);
    await afterPack.default({ electronPlatformName: 'linux', appOutDir, packager: { executableName: 'rest-station-kiosk', appInfo: { productFilename: 'Rest Station Kiosk' } } });
    const after = readFileSync(binary);
    const wireAt = after.indexOf(SENTINEL) + SENTINEL.length + 2;
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, inspector off, asar integrity on,
    // asar only on, browser V8 snapshot off, file:// privileges off.
    expect(after.subarray(wireAt, wireAt + 8).toString('latin1')).toBe('01001100');
    expect(after.length).toBe(before.length);
    expect(after.subarray(0, wireAt).equals(before.subarray(0, wireAt))).toBe(true);
  });

  it('the afterPack hook fails the build on an Electron whose wire has a fuse not decided on', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'after-pack-'));
    dirs.push(appOutDir);
    writeFileSync(join(appOutDir, 'rest-station-kiosk'), Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 9]), Buffer.from('101101101')]));
    await expect(afterPack.default({ electronPlatformName: 'linux', appOutDir, packager: { executableName: 'rest-station-kiosk', appInfo: { productFilename: 'x' } } }))
      .rejects.toThrow(/strictlyRequireAllFuses/);
  });
});
