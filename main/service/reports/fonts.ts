/**
 * The serif of every document: Tinos (Apache 2.0, the metric twin of Times New Roman that NĐ
 * 30/2020 Phụ lục I asks for; shared/TECH.md "Fonts for NĐ 30 documents"), as the whole TTF of
 * `@expo-google-fonts/tinos` (every Vietnamese letter; the fontsource WOFF subsets lose some),
 * resolved from node_modules at run time. `createRequire` of this module's URL also works once
 * esbuild has bundled it into `out/cli/xaso.js` (node_modules sits beside) and inside the asar.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The four faces of the document serif. */
export type FontFace = '400Regular' | '700Bold' | '400Regular_Italic' | '700Bold_Italic';

/** Every face, in the order PDFs register them. */
export const FONT_FACES: readonly FontFace[] = [
  '400Regular',
  '700Bold',
  '400Regular_Italic',
  '700Bold_Italic',
];

/** The family name written into documents and shown by `pdffonts` (as `Tinos-…`). */
export const SERIF_FAMILY = 'Tinos';

const cache = new Map<FontFace, Buffer>();

/** Path of one face of Tinos. */
export function fontPath(face: FontFace): string {
  const require = createRequire(import.meta.url);
  return require.resolve(`@expo-google-fonts/tinos/${face}/Tinos_${face}.ttf`);
}

/** The font file's bytes (read once per process). */
export function fontBytes(face: FontFace): Buffer {
  let bytes = cache.get(face);
  if (bytes === undefined) {
    bytes = readFileSync(fontPath(face));
    cache.set(face, bytes);
  }
  return bytes;
}
