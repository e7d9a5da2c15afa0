/**
 * Bundles a bench's child process like the shipped CLI (out/cli/xaso.js), to be run by plain
 * node: its time and memory are the app's, not those of tsx's compiler.
 */
import { build } from 'esbuild';

/** Bundles `source` (a .ts file) into `outfile` (an .mjs file). */
export async function bundleChild(source: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    logLevel: 'warning',
    external: ['pdfkit', 'exceljs', 'docx', 'electron', 'systeminformation', 'playwright-core'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}
