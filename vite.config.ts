import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one static bundle, loaded by Electron from disk and served by the web door.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 1500,
  },
});
