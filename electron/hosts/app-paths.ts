/** Where the built pieces live, relative to the repository (or unpacked app) root. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file sits at electron/hosts/app-paths.ts. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function appPaths(root: string = REPO_ROOT) {
  return {
    root,
    rendererDir: join(root, 'dist', 'renderer'),
    rendererIndex: join(root, 'dist', 'renderer', 'index.html'),
    electronMain: join(root, 'out', 'electron', 'main', 'main.js'),
    electronPreload: join(root, 'out', 'electron', 'preload', 'preload.cjs'),
    recoveryPage: join(root, 'resources', 'recovery.html'),
  };
}
