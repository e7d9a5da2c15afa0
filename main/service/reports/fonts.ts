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

/** The part of a fontkit font pdfkit needs to accept it as a font source. */
export type ParsedFont = Readonly<{ layout: (...args: never[]) => unknown }>;

/**
 * A fontkit font (pdfkit's own engine) of one face, parsed anew for each PDF: pdfkit ≥ 0.17
 * takes it as a source, and its table code re-selects the current font by its source after every
 * styled cell, which for raw bytes means parsing the TTF again each time (seconds for a 40-machine
 * visit; bench `reports`). Not shared between documents: a shared font lost glyphs that an earlier
 * document's subset used as parts of composite letters ("REPORT" came out "R PORT" after "Ế").
 * Falls back to the bytes when fontkit cannot be loaded.
 */
export function documentFont(face: FontFace): ParsedFont | Buffer {
  try {
    const fontkit = createRequire(import.meta.url)('fontkit') as {
      create: (bytes: Uint8Array) => ParsedFont;
    };
    return fontkit.create(fontBytes(face));
  } catch {
    return fontBytes(face);
  }
}
