// How the preload is bundled, in one place: by the build (scripts/build-node.mjs), by the test
// that runs the preload "as shipped" in a sandbox-like context, and by its benchmark.
// A sandboxed preload cannot load ESM or require() npm modules, so it is one CommonJS file with
// only 'electron' left outside.
import { fileURLToPath } from 'node:url';

export const preloadBuildOptions = {
  entryPoints: [fileURLToPath(new URL('../main/electron/preload.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  external: ['electron'],
};
