#!/usr/bin/env node
/**
 * `npm run voice`: makes the spoken prompts in resources/sounds/voice/<locale>/<clip>.ogg from
 * the texts in resources/sounds/voice/prompts.json, with Debian's espeak-ng (speech) and
 * opusenc (Opus in Ogg, mono, 16 kb/s: a clip is a few kilobytes). The results are committed,
 * so stations and test machines never need the tools; `npm run setup -- --voice-tools`
 * installs them.
 *
 * A clip that already exists is kept (so recorded prompts dropped in under the same name stay);
 * `--all` makes every clip again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const VOICE_DIR = resolve(import.meta.dirname, '..', 'resources', 'sounds', 'voice');
/** Words per minute: slower than espeak's 175 default, for a noisy room and tired ears. */
const SPEED = '140';

function tool(command) {
  const found = spawnSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
  if (!found) {
    console.error(`${command} not found: run  npm run setup -- --voice-tools  (or apt-get install espeak-ng opus-tools)`);
    process.exit(1);
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
}

function main() {
  tool('espeak-ng');
  tool('opusenc');
  const all = process.argv.includes('--all');
  const prompts = JSON.parse(readFileSync(join(VOICE_DIR, 'prompts.json'), 'utf8'));
  const temp = mkdtempSync(join(tmpdir(), 'voice-'));
  let made = 0;
  let bytes = 0;
  try {
    for (const [locale, { voice, clips }] of Object.entries(prompts)) {
      mkdirSync(join(VOICE_DIR, locale), { recursive: true });
      for (const [clip, text] of Object.entries(clips)) {
        const out = join(VOICE_DIR, locale, `${clip}.ogg`);
        if (!all && existsSync(out)) continue;
        const wav = join(temp, `${locale}-${clip}.wav`);
        run('espeak-ng', ['-v', voice, '-s', SPEED, '-w', wav, text]);
        run('opusenc', ['--quiet', '--bitrate', '16', '--downmix-mono', '--comp', '10', wav, out]);
        made += 1;
        bytes += statSync(out).size;
      }
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  console.log(`Made ${made} clips (${(bytes / 1024).toFixed(1)} KB) in ${VOICE_DIR}.`);
}

main();
