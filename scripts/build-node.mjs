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
  external: ['electron', 'systeminformation', 'playwright-core', 'pdfkit', 'exceljs', 'docx'],
};
const esmBanner = {
  js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
};

await Promise.all([
  build({ ...common, format: 'esm', banner: { js: '#!/usr/bin/env node\n' + esmBanner.js }, entryPoints: ['main/cli/index.ts'], outfile: 'out/cli/xaso.js' }),
  build({ ...common, format: 'esm', banner: { js: '#!/usr/bin/env node\n' + esmBanner.js }, entryPoints: ['main/web/index.ts'], outfile: 'out/web/xaso-web.js' }),
  build({ ...common, format: 'esm', banner: esmBanner, entryPoints: ['main/electron/index.ts'], outfile: 'out/main/index.js' }),
  build({ ...preloadBuildOptions, sourcemap: true, logLevel: 'warning', outfile: 'out/preload/index.cjs' }),
]);
