/**
 * Looking at documents as a reader sees them: poppler rasterises and measures a PDF, LibreOffice
 * (headless, its own throw-away profile so parallel runs never share one) turns a DOCX into a
 * PDF first, and a small PNG reader compares a page with its reference picture.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

import { exec } from './helpers.js';

/** One word pdftotext found, in points from the page's top left. */
export type Word = Readonly<{
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}>;

/** Page count and size from pdfinfo. */
export async function pdfInfo(file: string): Promise<{ pages: number; size: string }> {
  const info = (await exec('pdfinfo', [file])).stdout;
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+([^\n]+)/.exec(info)?.[1]?.trim() ?? '',
  };
}

/** Every word with its box (`pdftotext -bbox`). */
export async function words(
  file: string,
): Promise<{ pageWidth: number; pageHeight: number; words: Word[] }> {
  const html = (await exec('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 1e8 }))
    .stdout;
  const out: Word[] = [];
  let pageWidth = 0;
  let pageHeight = 0;
  html
    .split('<page ')
    .slice(1)
    .forEach((chunk, i) => {
      pageWidth = Number(/width="([\d.]+)"/.exec(chunk)?.[1]);
      pageHeight = Number(/height="([\d.]+)"/.exec(chunk)?.[1]);
      for (const m of chunk.matchAll(
        /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
      ))
        out.push({
          page: i + 1,
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          y1: Number(m[4]),
          text: m[5]!,
        });
    });
  return { pageWidth, pageHeight, words: out };
}

/** The text of some pages, whitespace collapsed, NFC. */
export async function pdfText(file: string, first?: number, last?: number): Promise<string> {
  const range = [
    ...(first === undefined ? [] : ['-f', String(first)]),
    ...(last === undefined ? [] : ['-l', String(last)]),
  ];
  const text = (await exec('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { maxBuffer: 1e8 }))
    .stdout;
  return text.normalize('NFC').replace(/\s+/g, ' ');
}

/** The fonts of a PDF: name and whether it is embedded (`pdffonts`). */
export async function pdfFonts(file: string): Promise<Array<{ name: string; embedded: boolean }>> {
  const lines = (await exec('pdffonts', [file])).stdout.split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name … emb sub uni object-id generation: emb is the fifth column from the end.
    return { name: cols[0]!, embedded: cols.at(-5) === 'yes' };
  });
}

/** Rasterises every page as greyscale PNGs at `dpi`; returns the files in page order. */
export async function rasterise(file: string, dir: string, dpi = 50): Promise<string[]> {
  const prefix = path.join(dir, path.basename(file).replace(/\W+/g, '-'));
  // pdftoppm -gray -png writes RGB; its PGM output is real grey, encoded here as a grey PNG.
  await exec('pdftoppm', ['-r', String(dpi), '-gray', file, prefix]);
  const { pages } = await pdfInfo(file);
  const width = String(pages).length;
  const pngs: string[] = [];
  for (let i = 1; i <= pages; i += 1) {
    const base = `${prefix}-${String(i).padStart(width, '0')}`;
    await writeFile(`${base}.png`, greyPng(await readFile(`${base}.pgm`)));
    pngs.push(`${base}.png`);
  }
  return pngs;
}

/** A binary PGM (P5, maxval 255) as an 8-bit greyscale PNG. */
export function greyPng(pgm: Buffer): Buffer {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40));
  if (header === null) throw new Error('not a binary 8-bit PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1)
    pixels.copy(raw, y * (width + 1) + 1, y * width, (y + 1) * width); // filter 0 (none)
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Converts DOCX files to PDF with LibreOffice headless; returns the PDFs, same order. */
export async function docxToPdf(files: readonly string[], outDir: string): Promise<string[]> {
  const profile = await mkdtemp(path.join(tmpdir(), 'xaso-lo-'));
  try {
    await exec(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: 240_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f, '.docx')}.pdf`));
}

/** An 8-bit PNG (grey, grey+alpha, RGB or RGBA, as pdftoppm writes), decoded to its first channel. */
export async function readGreyPng(
  file: string,
): Promise<{ width: number; height: number; pixels: Uint8Array }> {
  const data = await readFile(file);
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const bpp = ({ 0: 1, 4: 2, 2: 3, 6: 4 } as Record<number, number>)[data[25]!];
  if (data[24] !== 8 || bpp === undefined || data[28] !== 0)
    throw new Error(`${file}: not an 8-bit non-interlaced PNG`);
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    if (data.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x += 1) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      out[y * stride + x] = (v + add) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = out[i * bpp]!;
  return { width, height, pixels };
}

/** Share of pixels that differ by more than a quarter of the grey range (0–1). */
export async function pictureDifference(a: string, b: string): Promise<number> {
  const [x, y] = [await readGreyPng(a), await readGreyPng(b)];
  if (x.width !== y.width || x.height !== y.height) return 1;
  let differ = 0;
  for (let i = 0; i < x.pixels.length; i += 1)
    if (Math.abs(x.pixels[i]! - y.pixels[i]!) > 64) differ += 1;
  return differ / x.pixels.length;
}
