#!/usr/bin/env node
/**
 * Run by `npm start` (and by `npm ci` through `prepare`) before the station starts: rebuilds
 * the renderer (`vite build`) only when dist/renderer/index.html is missing or older than its
 * sources, the station service bundles (out/station/start.cjs and its supervisor, see build-station.mjs) likewise,
 * and — where the Electron runtime exists — the Electron main and preload bundles. A fresh
 * build is skipped so a restart at boot is fast (the check reads only file times).
 *
 * `--station` checks the service bundle alone (what `prepare` needs: a fresh clone has no
 * renderer build yet, and vite build is slower than a clone wants).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/** Newest modification time (ms) under the given files and directories; 0 when none exist. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry !== 'node_modules' && !entry.startsWith('.')) visit(join(path, entry));
      }
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

/** True when any output is missing or older than the newest source. */
function isStale(outputs, sources) {
  const sourceTime = newestMtime(sources);
  return outputs.some((output) => {
    const path = join(root, output);
    return !existsSync(path) || statSync(path).mtimeMs < sourceTime;
  });
}

/** @returns the exit code: 0 when built. */
function viteBuild(args, what) {
  console.log(`Building ${what}…`);
  // Always the production build: a caller's NODE_ENV (vitest sets "test") would otherwise
  // ship React's development build, three times the size and slower.
  const result = spawnSync(process.execPath, [vite, 'build', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status === 0) return 0;
  console.error(`Building ${what} failed.`);
  return result.status ?? 1;
}

function electronAvailable() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

const sharedSources = ['common', 'package.json'];

/**
 * Rebuilds what is stale (see the file's comment); `stationOnly`: the service bundles alone.
 * Also run in `npm start`'s own process (scripts/start.mjs).
 * @returns {Promise<number>} 0 when everything is fresh afterwards, else the exit code to end with.
 */
export async function ensureBuilt({ stationOnly = false } = {}) {
  const rendererSources = ['renderer', 'index.html', 'vite.config.ts', 'vite.config.mts', 'vite.config.js', 'resources', ...sharedSources];
  if (!stationOnly && isStale(['dist/renderer/index.html'], rendererSources)) {
    const code = viteBuild([], 'the station page');
    if (code !== 0) return code;
  }

  const stationSources = ['electron', 'hardware', 'resources', 'scripts/build-station.mjs', 'scripts/station-loader.cjs', ...sharedSources];
  if (isStale(['out/station/start.cjs', 'out/station/service.cjs', 'out/station/supervise.cjs'], stationSources)) {
    console.log('Building the station service…');
    // Loaded only when needed: a fresh start never pays for loading esbuild.
    const built = await import('./build-station.mjs').then(
      ({ buildStation }) => buildStation().then(() => true),
      (error) => {
        // esbuild comes with vite (a dev dependency): an install without dev dependencies has none.
        console.error(`Cannot build the station service (${error instanceof Error ? error.message : String(error)}); install with dev dependencies and run npm run build.`);
        return false;
      },
    );
    if (!built) return 1;
  }
  if (stationOnly) return 0;

  if (electronAvailable()) {
    const electronSources = ['electron', 'hardware', 'vite.electron.config.ts', ...sharedSources];
    if (isStale(['out/electron/main/main.js'], electronSources)) {
      const code = viteBuild(['-c', 'vite.electron.config.ts', '--mode', 'main'], 'the Electron main process');
      if (code !== 0) return code;
    }
    if (isStale(['out/electron/preload/preload.cjs'], electronSources)) {
      const code = viteBuild(['-c', 'vite.electron.config.ts', '--mode', 'preload'], 'the Electron preload');
      if (code !== 0) return code;
    }
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await ensureBuilt({ stationOnly: process.argv.includes('--station') });
  if (code !== 0) process.exit(code);
}
