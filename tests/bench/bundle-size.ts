/** Initial JS of the renderer (scripts index.html loads), gzip-compressed, against the 400 KB budget. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reportLine } from './stats';

export function benchBundleSize(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0);
  return [`Renderer initial JS (${scripts.length} file${scripts.length === 1 ? '' : 's'})`, reportLine('  gzip', bytes / 1024, 400, 'budget', 'KB')];
}
