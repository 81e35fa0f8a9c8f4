// Builds the kiosk page (renderer/) into dist/renderer. Relative base so the same build loads
// from the browser host (http://127.0.0.1:PORT/) and from station://app/ in Electron.
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
  },
  server: {
    host: '127.0.0.1',
  },
});
