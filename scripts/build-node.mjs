// Bundles the Node-side entry points with esbuild: the CLI and web doors (ESM, Node 24), the
// Electron main process (ESM) and the preload (CommonJS: a sandboxed preload cannot load ESM
// or require() npm modules, so it must be one self-contained file).
import { build } from 'esbuild';

import { preloadBuildOptions } from './preload-build.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  sourcemap: true,
  logLevel: 'warning',
  // Native or optional modules stay outside the bundle.
  // pg-native: pg's optional native binding, never used (the pure-JS client is).
  external: [
    'electron',
    'systeminformation',
    'playwright-core',
    'pdfkit',
    'exceljs',
    'docx',
    'pg-native',
  ],
};
const esmBanner = {
  js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
};

await Promise.all([
  // The CLI is split: its entry holds argv parsing, help and the commands; the service and
  // everything behind it are chunks loaded on the first call (main/cli/index.ts), so
  // `xaso --version` does not parse 1.6 MB.
  build({
    ...common,
    format: 'esm',
    banner: { js: '#!/usr/bin/env node\n' + esmBanner.js },
    entryPoints: { xaso: 'main/cli/index.ts' },
    outdir: 'out/cli',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  build({
    ...common,
    format: 'esm',
    banner: { js: '#!/usr/bin/env node\n' + esmBanner.js },
    entryPoints: ['main/web/index.ts'],
    outfile: 'out/web/xaso-web.js',
  }),
  build({
    ...common,
    format: 'esm',
    banner: esmBanner,
    entryPoints: ['main/electron/index.ts'],
    outfile: 'out/main/index.js',
  }),
  build({
    ...preloadBuildOptions,
    sourcemap: true,
    logLevel: 'warning',
    outfile: 'out/preload/index.cjs',
  }),
]);
