#!/usr/bin/env node
/**
 * `npm run pinyin:dictionary`: makes resources/pinyin/dictionary.txt, the word list the on-screen
 * pinyin keyboard looks candidates up in, from @pinyin-pro/data (ISC): every word there carries
 * its reading and a frequency, which is jieba's dict.txt count (MIT) divided by 10^12 (checked:
 * 中国 129470, 你好 725, 谢谢 1089). See resources/pinyin/LICENSES.md.
 *
 * Output: one line per word, most frequent first, `word<TAB>syllables` with toneless syllables
 * separated by spaces and ü written as v (`绿色\tlv se`). Only words written wholly in Han
 * characters are kept; the most frequent MAX_WORDS, plus every single character of the
 * "modern" list so any character can still be typed one by one. A character's other readings
 * (pinyin-pro, MIT: 行 is hang as well as xing) follow after all words, in character frequency
 * order, so a rare reading never pushes aside the usual characters for it. The words of
 * resources/pinyin/priority.txt come first, in their order (the list's frequencies are from
 * written text; the wall is spoken language). The result is committed, so a build needs
 * neither the data package nor this script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { polyphonic } = require('pinyin-pro');
/** Keeps the lazily loaded chunk near 1 MB raw (about 0.5 MB compressed). */
const MAX_WORDS = 80_000;
const DIR = resolve(import.meta.dirname, '..', 'resources', 'pinyin');
const OUT = resolve(DIR, 'dictionary.txt');
const PRIORITY = resolve(DIR, 'priority.txt');
const HAN = /^\p{Script=Han}+$/u;

/** "lǜ sè" → ["lv", "se"]; null when a syllable is not plain pinyin after stripping tones. */
export function tonelessSyllables(reading) {
  const syllables = reading
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  return syllables.every((s) => /^[a-z]+$/.test(s)) ? syllables : null;
}

function main() {
  const complete = JSON.parse(readFileSync(require.resolve('@pinyin-pro/data/complete.json'), 'utf8'));
  const modern = JSON.parse(readFileSync(require.resolve('@pinyin-pro/data/modern.json'), 'utf8'));
  const entries = [];
  for (const [word, [reading, frequency]] of Object.entries(complete)) {
    if (!HAN.test(word)) continue;
    const syllables = tonelessSyllables(reading);
    // A reading must give one syllable per character, or lookups by initials go wrong.
    if (!syllables || syllables.length !== [...word].length) continue;
    entries.push({ word, syllables, frequency, single: [...word].length === 1 });
  }
  entries.sort((a, b) => b.frequency - a.frequency || (a.word < b.word ? -1 : 1));
  const priority = readFileSync(PRIORITY, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const first = new Map(priority.map((word, i) => [word, i]));
  const missing = priority.filter((word) => !entries.some((e) => e.word === word));
  if (missing.length > 0) throw new Error(`priority.txt: not in the word list: ${missing.join(' ')}`);
  // Stable: priority words in their listed order, then everything by frequency.
  entries.sort((a, b) => (first.get(a.word) ?? first.size) - (first.get(b.word) ?? first.size));
  const kept = entries.filter((e, rank) => rank < MAX_WORDS || (e.single && e.word in modern));
  const lines = kept.map((e) => `${e.word}\t${e.syllables.join(' ')}\n`);
  let others = 0;
  // Only syllables the words already use: interjection readings (唔 n, 嗯 ng) would turn the
  // initial `n` into a whole syllable and break `nh` → 你好.
  const known = new Set(kept.flatMap((e) => e.syllables));
  for (const e of kept) {
    if (!e.single) continue;
    const [readings = []] = polyphonic(e.word, { toneType: 'none', type: 'array', v: true });
    for (const reading of new Set(readings)) {
      if (reading === e.syllables[0] || !known.has(reading)) continue;
      lines.push(`${e.word}\t${reading}\n`);
      others += 1;
    }
  }
  writeFileSync(OUT, lines.join(''));
  console.log(`${kept.length} words and ${others} other readings of characters → ${OUT}`);
}

if (import.meta.filename === process.argv[1]) main();
