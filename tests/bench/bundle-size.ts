/**
 * Renderer JS, gzip-compressed: what index.html loads before the first screen (its scripts and
 * modulepreloads) against the 120 KB target, and the later chunks fetched when idle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reportLine } from './stats';

const TARGET_KB = 120;

export function benchBundleSize(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const gz = (file: string) => gzipSync(readFileSync(join(distDir, file))).length / 1024;
  const later = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`)
    .filter((f) => !initial.includes(f));
  const sum = (files: string[]) => files.reduce((total, file) => total + gz(file), 0);
  return [
    `Renderer JS (${initial.length} initial file${initial.length === 1 ? '' : 's'}, ${later.length} later chunks)`,
    reportLine('  initial, gzip', sum(initial), TARGET_KB, 'target', 'KB'),
    `  later chunks, gzip: ${sum(later).toFixed(1)} KB (fetched when the page is idle after its first paint)`,
  ];
}
