// Builds the kiosk page (renderer/) into dist/renderer. Relative base so the same build loads
// from the browser host (http://127.0.0.1:PORT/) and from station://app/ in Electron.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // Sound files (the spoken prompts, resources/sounds/voice/…) are copied as they are and
  // fetched only when first played.
  publicDir: '../resources/sounds',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // Electron 41 and Debian Chromium are both recent; no legacy transpiling needed.
    target: 'chrome120',
    // Everything ships with the kiosk; a size warning should mean something.
    chunkSizeWarningLimit: 600,
    // The first screen's code as one file: the modules it shares with later screens (React,
    // zod, the check-in contract) would otherwise be split into many small chunks, each one
    // more request and each gzipped alone. Later screens keep their own chunks.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: firstScreenChunk(resolve(import.meta.dirname, 'renderer', 'main.tsx')) }] } },
    },
  },
  server: {
    host: '127.0.0.1',
  },
});

interface ModuleGraph {
  getModuleInfo(id: string): { readonly importedIds: readonly string[] } | null;
}

/**
 * Names `first-screen` every module the entry imports statically (what runs before anything
 * lazy); every other module is left to the default splitting.
 */
function firstScreenChunk(entry: string): (id: string, ctx: ModuleGraph) => string | null {
  let firstScreen: Set<string> | null = null;
  return (id, ctx) => {
    if (!firstScreen) {
      firstScreen = new Set();
      const stack = [entry];
      for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
        if (firstScreen.has(next)) continue;
        firstScreen.add(next);
        stack.push(...(ctx.getModuleInfo(next)?.importedIds ?? []));
      }
    }
    return firstScreen.has(id) ? 'first-screen' : null;
  };
}
