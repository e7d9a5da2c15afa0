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

/** The part of a fontkit font pdfkit needs to accept it as a font source. */
export type ParsedFont = Readonly<{ layout: (...args: never[]) => unknown }>;

const parsed = new Map<FontWeight, ParsedFont>();

/**
 * The font parsed once per process with fontkit (pdfkit's own font engine, a dependency of
 * pdfkit) and shared by every PDF: pdfkit ≥ 0.17 accepts a fontkit font as a source, and
 * decoding the 4.7 MB TTF's tables again for each document cost more than the layout itself
 * (bench `reports`). Falls back to the bytes when fontkit cannot be loaded.
 */
export function parsedFont(weight: FontWeight): ParsedFont | Buffer {
  let font = parsed.get(weight);
  if (font === undefined) {
    try {
      const fontkit = createRequire(import.meta.url)('fontkit') as {
        create: (bytes: Uint8Array) => ParsedFont;
      };
      font = fontkit.create(fontBytes(weight));
      parsed.set(weight, font);
    } catch {
      return fontBytes(weight);
    }
  }
  return font;
}
