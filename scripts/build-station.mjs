#!/usr/bin/env node
/**
 * Bundles the station service (`electron/start.ts` and everything it imports) into
 * out/station/service.cjs, with a V8 code cache and the loader out/station/start.cjs, so `npm start` runs plain JavaScript instead of compiling
 * TypeScript at every boot. Native modules (and Electron) stay external: they are loaded
 * from node_modules with their compiled binaries. Pure-JS dependencies are inlined, which
 * saves the module resolution of a few hundred files at start.
 *
 * CommonJS rather than ESM: the externals are CommonJS packages, and requiring them skips the
 * ESM loader and its CommonJS export scan (measured: first line ~60 ms sooner of ~250 ms).
 * `import.meta.url` is replaced by the bundle's own file URL.
 *
 * The bundle sits two folders below the root, like electron/hosts/app-paths.ts does, so
 * paths computed from import.meta.url resolve to the same root.
 */
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages with native binaries, or provided by the runtime: never inlined. These find their
 * binaries from their own file's place (`bindings` reads the caller's path, node-gyp-build
 * and pkg-prebuilds take `__dirname`), so they must run from node_modules.
 */
export const EXTERNAL = ['electron', 'better-sqlite3', 'node-hid', 'bindings', 'node-gyp-build'];

/**
 * serialport's JavaScript (its stream, parsers, the bindings' poller, and `debug`) is inlined,
 * so it loads from the code cache instead of being resolved and compiled file by file at every
 * start (measured: ~25 files, tens of ms); only the one file that loads its binary by its own
 * `__dirname` is required from node_modules.
 */
const SERIALPORT_BINARY_LOADER = '@serialport/bindings-cpp/dist/serialport-bindings.js';
const keepSerialportBinaryLoader = {
  name: 'serialport-binary-loader',
  setup(build) {
    build.onResolve({ filter: /^\.\/serialport-bindings$/ }, (args) =>
      /[\\/]@serialport[\\/]bindings-cpp[\\/]dist$/.test(args.resolveDir) ? { path: SERIALPORT_BINARY_LOADER, external: true } : undefined,
    );
  },
};

/** What the supervisor runs: the loader (scripts/station-loader.cjs). */
export const STATION_ENTRY = join(root, 'out', 'station', 'start.cjs');
/** The bundle itself, and its V8 code cache beside it (`service.cjs.cache`). */
export const STATION_BUNDLE = join(root, 'out', 'station', 'service.cjs');
/** What `npm start` runs: the thin supervisor (electron/supervise.ts) that runs STATION_ENTRY. */
export const SUPERVISOR_BUNDLE = join(root, 'out', 'station', 'supervise.cjs');

export async function buildStation() {
  // The entry goes last, so a build cut short leaves no entry newer than its bundle.
  rmSync(STATION_ENTRY, { force: true });
  // Names this build in the bundle's first line and in its code cache (see station-loader.cjs).
  const buildId = randomBytes(8).toString('hex');
  await Promise.all([bundle('electron/start.ts', STATION_BUNDLE, buildId), bundle('electron/supervise.ts', SUPERVISOR_BUNDLE, buildId)]);
  writeCodeCache(STATION_BUNDLE, buildId);
  copyFileSync(join(root, 'scripts', 'station-loader.cjs'), STATION_ENTRY);
}

/**
 * Bundles one entry exactly as the station service is bundled (same externals, target,
 * `import.meta.url` replacement and build line), so whatever else runs it — the week soak's
 * child — runs the code as shipped, not TypeScript compiled on the fly in its own heap.
 * `outfile` must sit two folders below the root, like the station's bundles.
 */
export function bundle(entry, outfile, buildId) {
  return build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNAL,
    plugins: [keepSerialportBinaryLoader],
    sourcemap: 'linked',
    define: { 'import.meta.url': '__stationBundleUrl' },
    banner: { js: `/* station-build ${buildId} */ const __stationBundleUrl = require('node:url').pathToFileURL(__filename).href;` },
    logLevel: 'warning',
  });
}

/**
 * Compiles the bundle as the loader will (same wrapper, same file name) and saves V8's code
 * cache, after a first line naming the build: the loader then skips parsing the bundle
 * (measured: the first line ~0.1 s sooner on a quiet machine, ~0.4 s on a busy one), and
 * replaces this cache with a warm one after its first start. The cache is tied to this
 * Node's V8 and to V8's flags; another one refuses it and compiles as usual. So it is made
 * under the service's own V8 flags (electron/supervisor/service-v8-flags.json), which this
 * process then keeps: they only size its young generation.
 */
export function writeCodeCache(bundle, buildId) {
  const flags = JSON.parse(readFileSync(join(root, 'electron', 'supervisor', 'service-v8-flags.json'), 'utf8'));
  setFlagsFromString(flags.join(' '));
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle });
  writeFileSync(`${bundle}.cache`, Buffer.concat([Buffer.from(`station-code-cache ${buildId} build\n`, 'latin1'), script.createCachedData()]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildStation();
  console.log('Built out/station/start.cjs (service.cjs and its code cache) and out/station/supervise.cjs');
}
