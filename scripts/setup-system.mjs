#!/usr/bin/env node
/**
 * Checks the system packages the station and its tests need: socat (pseudo-terminal pairs
 * for simulated serial readers), Chromium (browser host and end-to-end tests; Debian's, or
 * Playwright's own build) and libusb-1.0 (node-hid at run time).
 *
 * As root, anything missing is installed with apt-get. Otherwise one line per missing
 * package says how to install it, and the exit code is 1. `--check` (used by `npm test`)
 * behaves the same; it exists so the intent reads clearly in package.json.
 *
 * `--voice-tools` installs (as root) or names the optional build tools that regenerate the
 * spoken prompts (`npm run voice`): espeak-ng and opus-tools. Neither the station nor its
 * tests need them, because the generated prompts are committed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const APT_PACKAGES = ['socat', 'chromium', 'libusb-1.0-0', 'fonts-noto-cjk', 'openssl'];
/** Optional, build only: text-to-speech and the Opus encoder for resources/sounds/voice. */
const VOICE_BUILD_PACKAGES = [
  { command: 'espeak-ng', aptPackage: 'espeak-ng' },
  { command: 'opusenc', aptPackage: 'opus-tools' },
];
const SBIN_PATH = `${process.env.PATH ?? ''}:/sbin:/usr/sbin:/usr/local/sbin`;

function onPath(command) {
  return spawnSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return Boolean(path) && existsSync(path);
  } catch {
    // Before `npm ci` there is no playwright-core to ask.
    return false;
  }
}

function hasLibusb() {
  const result = spawnSync('ldconfig', ['-p'], { encoding: 'utf8', env: { ...process.env, PATH: SBIN_PATH } });
  return result.status === 0 && result.stdout.includes('libusb-1.0');
}

/** @returns {Promise<Array<{ what: string; aptPackage: string }>>} */
async function findMissing() {
  const missing = [];
  if (!onPath('socat')) missing.push({ what: 'socat', aptPackage: 'socat' });
  if (!existsSync('/usr/bin/chromium') && !(await playwrightChromium())) {
    missing.push({ what: 'Chromium (/usr/bin/chromium)', aptPackage: 'chromium' });
  }
  if (!hasLibusb()) missing.push({ what: 'libusb-1.0', aptPackage: 'libusb-1.0-0' });
  // The upstream tests make a self-signed certificate for the collector's HTTPS.
  if (!onPath('openssl')) missing.push({ what: 'openssl', aptPackage: 'openssl' });
  return missing;
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', PATH: SBIN_PATH },
  });
  if (result.status !== 0) {
    console.error(`${command} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function voiceTools() {
  const missing = VOICE_BUILD_PACKAGES.filter((p) => !onPath(p.command));
  if (missing.length === 0) {
    console.log('Voice build tools present: espeak-ng, opusenc.');
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const names = missing.map((p) => p.aptPackage);
  if (!isRoot) {
    console.error(`Missing voice build tools: install them with  sudo apt-get install -y ${names.join(' ')}`);
    process.exit(1);
  }
  run('apt-get', ['install', '-y', '--no-install-recommends', ...names]);
}

async function main() {
  if (process.argv.includes('--voice-tools')) {
    voiceTools();
    return;
  }
  if (process.platform !== 'linux') {
    console.log(`System package check skipped on ${process.platform}: it covers Debian-based Linux only.`);
    return;
  }
  const missing = await findMissing();
  if (missing.length === 0) {
    console.log('System packages present: socat, Chromium, libusb-1.0, openssl.');
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    for (const m of missing) {
      console.error(`Missing ${m.what}: install it with  sudo apt-get install -y ${m.aptPackage}`);
    }
    process.exit(1);
  }
  console.log(`Installing missing system packages (${missing.map((m) => m.what).join(', ')})…`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...APT_PACKAGES]);
  const still = await findMissing();
  if (still.length > 0) {
    for (const m of still) console.error(`Still missing after install: ${m.what}`);
    process.exit(1);
  }
}

await main();
