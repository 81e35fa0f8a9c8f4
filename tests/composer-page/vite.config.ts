// Builds the composer test page (tests/e2e/composer.spec.ts) into dist/composer-test. Not part
// of the kiosk build: nothing under renderer/ imports this folder.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, '..', '..', 'dist', 'composer-test'),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
  logLevel: 'warn',
});
