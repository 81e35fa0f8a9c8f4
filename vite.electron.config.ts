/**
 * Bundles the Electron shell (`npm run build:electron`), in two passes selected by mode:
 * - `main`: out/electron/main/main.js, ESM (the package is "type": "module"); every npm
 *   dependency stays external, electron-builder ships node_modules and the native modules
 *   must be loaded from there.
 * - `preload`: out/electron/preload/preload.cjs, one CommonJS file with everything inlined
 *   except `electron`, because a sandboxed preload can neither use ESM nor load local modules.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const dependencies = Object.keys(pkg.dependencies ?? {});

export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload') {
    throw new Error(`vite.electron.config.ts: use --mode main or --mode preload, not ${mode}`);
  }
  const preload = mode === 'preload';
  return {
    publicDir: false,
    build: {
      outDir: preload ? 'out/electron/preload' : 'out/electron/main',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: {
        entry: preload ? 'electron/preload/preload.ts' : 'electron/main/main.ts',
        formats: [preload ? 'cjs' : 'es'],
        fileName: () => (preload ? 'preload.cjs' : 'main.js'),
      },
      rolldownOptions: {
        external: preload
          ? ['electron']
          : (id: string) =>
              id === 'electron' || nodeBuiltins.includes(id) || dependencies.some((d) => id === d || id.startsWith(`${d}/`)),
      },
    },
  };
});
