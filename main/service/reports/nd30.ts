/**
 * The parts of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I;
 * shared/DOMAIN.md §6), as plain data every renderer shares: the national header (Quốc hiệu and
 * tiêu ngữ), the issuing body, the number line, place and date in words, the title, body blocks,
 * signature blocks and an appendix. `nd30-pdf.ts` (pdfkit) and `nd30-docx.ts` (docx) turn one
 * {@link OfficialDocument} into the same page; the visit minutes (`document.ts`) and the security
 * dossier both build one.
 *
 * Page: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm (the decree allows 20–25, 30–35
 * and 15–20); a Times New Roman–compatible serif (Tinos, embedded); body 13 pt.
 */
import { dateInWords, type VocabLang } from '../vocabulary.js';

/** Page geometry in millimetres. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
} as const;

/** Width of the text block (165 mm). */
export const CONTENT_WIDTH_MM = PAGE.widthMm - PAGE.margins.leftMm - PAGE.margins.rightMm;

/** Font sizes in points: body 13 (the decree: 13–14), tables 12, headers as the decree sets. */
export const SIZES = {
  body: 13,
  table: 12,
  small: 11,
  motto: 13,
  nation: 12,
  agency: 13,
  title: 14,
} as const;

/** The national header in both languages. */
export const NATIONAL_HEADER: Readonly<Record<VocabLang, { nation: string; motto: string }>> = {
  vi: { nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' },
  en: { nation: 'SOCIALIST REPUBLIC OF VIET NAM', motto: 'Independence - Freedom - Happiness' },
};

/** Who issues the document and when: the top of page 1. */
export type DocumentHeader = Readonly<{
  lang: VocabLang;
  /** Parent body, regular capitals (absent for a commune's People's Committee). */
  parent?: string;
  /** Issuing body, bold capitals, one or two lines. */
  agency: readonly string[];
  /** The number as the office writes it ("12/BB-UBND"); absent: a blank to fill by hand. */
  number?: string;
  /** Kind and body code after the slash of a blank number ("BB-UBND"). */
  numberSuffix: string;
  /** Place name without "Xã"/"Phường" ("Tân Phước Hưng"). */
  place: string;
  /** `YYYY-MM-DD`. */
  date: string;
}>;

/** One signer: title in capitals, a hint, the name; optional PNG of a signature captured in the app. */
export type SignatureBlock = Readonly<{
  title: string;
  position?: string;
  hint: string;
  name: string;
  signaturePng?: Buffer;
}>;

/** A piece of the body. Tables give column widths as fractions of the text width. */
export type DocBlock =
  | Readonly<{ kind: 'heading'; text: string }>
  | Readonly<{ kind: 'subheading'; text: string }>
  | Readonly<{ kind: 'para'; text: string; italic?: boolean; bold?: boolean }>
  | Readonly<{ kind: 'bullet'; text: string; level?: 1 | 2 }>
  | Readonly<{
      kind: 'table';
      head: readonly string[];
      rows: readonly (readonly string[])[];
      widths: readonly number[];
      small?: boolean;
    }>
  | Readonly<{
      kind: 'image';
      data: Buffer;
      caption?: string;
      maxWidthMm: number;
      maxHeightMm: number;
    }>;

/** A whole document. */
export type OfficialDocument = Readonly<{
  header: DocumentHeader;
  title: string;
  /** The "trích yếu" under the title ("Về việc …"). */
  subtitle?: string;
  body: readonly DocBlock[];
  signatures: readonly SignatureBlock[];
  /** Signers on the left column (interns); the rest stand on the right. */
  leftSigners: number;
  appendix?: Readonly<{ title: string; subtitle?: string; body: readonly DocBlock[] }>;
  /** Metadata title of the file. */
  fileTitle: string;
}>;

/** "Số: 12/BB-UBND", or "Số:        /BB-UBND" with room to write the number by hand. */
export function numberLine(header: DocumentHeader): string {
  const word = header.lang === 'vi' ? 'Số' : 'No.';
  const given = header.number?.replace(/^\s*(số|no\.?)\s*:?\s*/i, '').trim();
  if (given !== undefined && given !== '') return `${word}: ${given}`;
  return `${word}: ………/${header.numberSuffix}`;
}

/** "Tân Phước Hưng, ngày 20 tháng 11 năm 2026" (italic under the motto). */
export function placeDateLine(header: DocumentHeader): string {
  return `${header.place}, ${dateInWords(header.date, header.lang)}`;
}

/** The place name of a commune: "Xã Tân Phước Hưng" → "Tân Phước Hưng". */
export function placeOf(communeName: string): string {
  return communeName.replace(/^\s*(xã|phường|thị trấn|đặc khu)\s+/iu, '').trim() || communeName;
}

/** Width and height of a PNG or JPEG in pixels (undefined when the bytes are neither). */
export function imageSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47)
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return undefined;
      const marker = data[i + 1]!;
      const length = data.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
        return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
      i += 2 + length;
    }
  }
  return undefined;
}

/** Fits an image of `size` into a box, keeping its aspect (millimetres). */
export function fitBox(
  size: { width: number; height: number },
  maxWidthMm: number,
  maxHeightMm: number,
): { widthMm: number; heightMm: number } {
  const scale = Math.min(maxWidthMm / size.width, maxHeightMm / size.height);
  return { widthMm: size.width * scale, heightMm: size.height * scale };
}
