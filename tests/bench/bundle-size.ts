/**
 * Renderer JS, gzip-compressed: what index.html loads before the first screen (its scripts and
 * modulepreloads) against the 120 KB target, and the later chunks fetched when idle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reportLine } from './stats';

/** Budget of the first screen's JS, KB (1024 bytes) gzip, each file compressed on its own. */
export const FIRST_SCREEN_BUDGET_KB = 120;

/** A built page's JS: the files index.html loads up front, and every other chunk. */
export interface PageJs {
  readonly initial: readonly string[];
  readonly later: readonly string[];
  /** KB gzip of `files`, each compressed on its own (as each is fetched). */
  gzipKb(files: readonly string[]): number;
}

export function pageJs(distDir: string): PageJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const later = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`)
    .filter((f) => !initial.includes(f));
  const gz = (file: string) => gzipSync(readFileSync(join(distDir, file))).length / 1024;
  return { initial, later, gzipKb: (files) => files.reduce((total, file) => total + gz(file), 0) };
}

export function benchBundleSize(distDir: string): string[] {
  const js = pageJs(distDir);
  return [
    `Renderer JS (${js.initial.length} initial file${js.initial.length === 1 ? '' : 's'}, ${js.later.length} later chunks)`,
    reportLine('  initial, gzip', js.gzipKb(js.initial), FIRST_SCREEN_BUDGET_KB, 'target', 'KB'),
    `  later chunks, gzip: ${js.gzipKb(js.later).toFixed(1)} KB (fetched when the page is idle after its first paint)`,
  ];
}
