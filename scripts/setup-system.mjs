#!/usr/bin/env node
/**
 * Checks the system packages the station and its tests need: socat (pseudo-terminal pairs
 * for simulated serial devices), Chromium (browser host and end-to-end tests; Debian's, or
 * Playwright's own build), libusb-1.0 (node-hid at run time), CJK fonts (the zh-CN
 * screens; without them Chinese renders as empty boxes) and the handwriting recogniser
 * (zinnia-utils with tegaki-zinnia-simplified-chinese; optional for a station, which then
 * hides handwriting input and says why, but its tests use it); for the test suite also
 * openssl and Debian's PostgreSQL server (the collector's tests start a throwaway cluster on
 * loopback).
 *
 * As root, anything missing is installed with apt-get. Otherwise one line per missing
 * package says what it is for and the command that installs it.
 *
 * - no flag / `--check` (`npm run setup`, `npm test`, CI): strict; exit code 1 when anything
 *   is still missing.
 * - `--start` (`npm start`): the same check and install, but it never stops the station from
 *   starting: exit code 0, and the station reports each device's real state itself.
 * - `--voice-tools`: installs (as root) or names the optional build tools that regenerate the
 *   spoken prompts (`npm run voice`): espeak-ng and opus-tools. Neither the station nor its
 *   tests need them, because the generated prompts are committed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SBIN_PATH = `${process.env.PATH ?? ''}:/sbin:/usr/sbin:/usr/local/sbin`;
/** `--start`, or the check `npm start` makes in its own process (scripts/start.mjs). */
let startMode = process.argv.includes('--start');
/** Where tegaki-zinnia-simplified-chinese puts the model (see electron/service/wishes/handwriting). */
const ZINNIA_MODEL = '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model';
/** Optional, build only: text-to-speech and the Opus encoder for resources/sounds/voice. */
const VOICE_BUILD_PACKAGES = [
  { command: 'espeak-ng', aptPackage: 'espeak-ng' },
  { command: 'opusenc', aptPackage: 'opus-tools' },
];

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

/** Chromium finds fonts through fontconfig, so ask fontconfig for one covering Chinese. */
function hasCjkFont() {
  const fcList = onPath('fc-list') ? 'fc-list' : '/usr/bin/fc-list';
  const result = spawnSync(fcList, [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
}

/** Debian's server binaries (the tests start their own cluster; no system service is needed). */
function hasPostgresServer() {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/postgres`) && existsSync(`${root}/${v}/bin/initdb`));
}

/** @returns {Promise<Array<{ what: string; aptPackage: string; neededFor: string }>>} */
async function findMissing() {
  const missing = [];
  if (!onPath('socat')) missing.push({ what: 'socat', aptPackage: 'socat', neededFor: 'simulated serial devices' });
  if (!existsSync('/usr/bin/chromium') && !(await playwrightChromium())) {
    missing.push({ what: 'Chromium (/usr/bin/chromium)', aptPackage: 'chromium', neededFor: 'the kiosk window and end-to-end tests' });
  }
  if (!hasLibusb()) missing.push({ what: 'libusb-1.0', aptPackage: 'libusb-1.0-0', neededFor: 'USB HID card readers' });
  if (!hasCjkFont()) missing.push({ what: 'CJK fonts', aptPackage: 'fonts-noto-cjk', neededFor: 'Chinese text on screen' });
  // Optional for a station (it hides handwriting and says why), so `npm start` does not ask;
  // `npm run setup` and the tests, which use it, do.
  if (!startMode && !onPath('zinnia')) missing.push({ what: 'zinnia', aptPackage: 'zinnia-utils', neededFor: 'handwriting input (optional: hidden without it)' });
  if (!startMode && !existsSync(ZINNIA_MODEL)) {
    missing.push({ what: 'the zinnia Chinese model', aptPackage: 'tegaki-zinnia-simplified-chinese', neededFor: 'handwriting input (optional: hidden without it)' });
  }
  // Only the test suite needs it; `npm start` does not.
  if (!startMode && !onPath('openssl')) missing.push({ what: 'openssl', aptPackage: 'openssl', neededFor: "the upstream tests' self-signed HTTPS certificate" });
  if (!startMode && !hasPostgresServer()) missing.push({ what: 'PostgreSQL server', aptPackage: 'postgresql', neededFor: "the collector's tests and bench on a real server" });
  return missing;
}

/** Runs a command with its output shown; returns null on success, else why it failed. */
function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', PATH: SBIN_PATH },
  });
  if (result.error) return `${command}: ${result.error.message}`;
  return result.status === 0 ? null : `${command} failed (exit ${result.status ?? result.signal})`;
}

/** @returns {boolean} true when the voice build tools are there afterwards */
function voiceTools() {
  const missing = VOICE_BUILD_PACKAGES.filter((p) => !onPath(p.command));
  if (missing.length === 0) {
    console.log('Voice build tools present: espeak-ng, opusenc.');
    return true;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const names = missing.map((p) => p.aptPackage);
  if (!isRoot) {
    console.error(`Missing voice build tools: install them with  sudo apt-get install -y ${names.join(' ')}`);
    return false;
  }
  const failure = run('apt-get', ['update']) ?? run('apt-get', ['install', '-y', '--no-install-recommends', ...names]);
  if (failure) console.error(failure);
  return failure === null;
}

/** @returns {Promise<boolean>} true when nothing is missing afterwards */
async function main() {
  if (process.argv.includes('--voice-tools')) return voiceTools();
  if (process.platform !== 'linux') {
    // Said once by `npm run setup` / `npm test`; not on every start of a Windows kiosk.
    if (!startMode) console.log(`System package check skipped on ${process.platform}: it covers Debian-based Linux only.`);
    return true;
  }
  const missing = await findMissing();
  if (missing.length === 0) {
    console.log(`System packages present: socat, Chromium, libusb-1.0, CJK fonts${startMode ? '' : ', zinnia, openssl, PostgreSQL server'}.`);
    return true;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    for (const m of missing) {
      console.error(`Missing ${m.what} (needed for ${m.neededFor}): install it with  sudo apt-get install -y ${m.aptPackage}`);
    }
    return false;
  }
  console.log(`Installing missing system packages (${missing.map((m) => m.what).join(', ')})…`);
  const failure = run('apt-get', ['update']) ?? run('apt-get', ['install', '-y', ...missing.map((m) => m.aptPackage)]);
  if (failure) console.error(failure);
  const still = await findMissing();
  for (const m of still) console.error(`Still missing after install: ${m.what} (needed for ${m.neededFor})`);
  return still.length === 0;
}

/**
 * The `--start` check, for scripts/start.mjs, which runs it in the station's own process
 * instead of a Node process of its own. Never fails: the station reports each device itself.
 */
export async function checkSystemForStart() {
  startMode = true;
  await main();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const complete = await main();
  if (!complete && !startMode) process.exit(1);
}
