/**
 * The full Be Vietnam Pro TTF files (every Vietnamese letter; the fontsource WOFF subsets lose
 * some, shared/TECH.md §7), resolved from node_modules at run time. `createRequire` of this
 * module's URL also works once esbuild has bundled it into `out/cli/xaso.js` (node_modules sits
 * beside) and inside the Electron asar.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type FontWeight = '400Regular' | '700Bold' | '400Regular_Italic';

const cache = new Map<FontWeight, Buffer>();

/** Path of one weight of Be Vietnam Pro. */
export function fontPath(weight: FontWeight): string {
  const require = createRequire(import.meta.url);
  return require.resolve(`@expo-google-fonts/be-vietnam-pro/${weight}/BeVietnamPro_${weight}.ttf`);
}

/** The font file's bytes (read once per process). */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (bytes === undefined) {
    bytes = readFileSync(fontPath(weight));
    cache.set(weight, bytes);
  }
  return bytes;
}
