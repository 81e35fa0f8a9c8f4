#!/usr/bin/env node
/**
 * `npm run electron:install`: fetches the Electron runtime with Electron's own installer
 * (`node_modules/electron/install.js`), which `npm ci` does not run (package.json
 * allowScripts denies it, so an install that reaches only the package registries succeeds).
 *
 * Prints one line saying what happened. Exit code 0 when the runtime is there afterwards,
 * 1 when it could not be downloaded: the station then keeps running in the browser host.
 * Honours the installer's own settings (ELECTRON_MIRROR, electron_config_cache, …).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/** The installed runtime's binary, or null; the `electron` package exports its path. */
function runtimePath() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The installer's error in a few words, e.g. "getaddrinfo ENOTFOUND github.com". */
function reasonFrom(output) {
  const line = output.split('\n').map((l) => l.trim()).find((l) => /^[A-Za-z]*Error: /.test(l));
  return line ? line.replace(/^[A-Za-z]*Error: /, '') : output.trim().split('\n')[0] || 'no output';
}

function main() {
  if (!existsSync(join(electronDir, 'install.js'))) {
    console.error('The electron package is not installed: run "npm ci" first.');
    return 1;
  }
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  const env = { ...process.env };
  // Asking for the runtime outright overrides a skip left in the environment.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, env, encoding: 'utf8' });
  const binary = runtimePath();
  if (result.status === 0 && binary) {
    console.log(`Electron ${version} installed (${binary}): npm start now runs the Electron kiosk shell.`);
    return 0;
  }
  const mirror = env.ELECTRON_MIRROR || DEFAULT_MIRROR;
  const why = result.error ? result.error.message : reasonFrom(`${result.stderr}\n${result.stdout}`);
  console.error(`Could not download Electron ${version} from ${mirror} (${why}); the station runs in the browser host.`);
  return 1;
}

process.exitCode = main();
