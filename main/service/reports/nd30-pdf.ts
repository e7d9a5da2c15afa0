/**
 * pdfkit building blocks of an NĐ 30/2020 document (see `nd30.ts`): page setup with the embedded
 * serif, the national header, title, body blocks, signature blocks, appendix and page numbers
 * (top centre from page 2, as the decree places them). `renderOfficialPdf` puts them together.
 */
import PDFDocument from 'pdfkit';

import { FONT_FACES, fontBytes, type FontFace } from './fonts.js';
import {
  CONTENT_WIDTH_MM,
  NATIONAL_HEADER,
  PAGE,
  SIZES,
  numberLine,
  placeDateLine,
  type DocBlock,
  type DocumentHeader,
  type OfficialDocument,
  type SignatureBlock,
} from './nd30.js';
import { displayText } from './text-safety.js';

/** A pdfkit document. */
export type Doc = PDFKit.PDFDocument;
/** Points per millimetre. */
export const MM = 72 / 25.4;
const FONT_NAME: Readonly<Record<FontFace, string>> = {
  '400Regular': 'r',
  '700Bold': 'b',
  '400Regular_Italic': 'i',
  '700Bold_Italic': 'bi',
};
const CONTENT = CONTENT_WIDTH_MM * MM;
const LEFT = PAGE.margins.leftMm * MM;

/** Cleans text for the PDF (controls and bidi overrides made harmless, length capped). */
export const t = (text: string | undefined, max = 5000): string => displayText(text, max);

/** A new A4 document with the decree's margins and the four faces of the serif registered. */
export function createPdf(lang: 'vi' | 'en', title: string): Doc {
  const { margins } = PAGE;
  const doc = new PDFDocument({
    size: 'A4',
    margins: {
      top: margins.topMm * MM,
      bottom: margins.bottomMm * MM,
      left: margins.leftMm * MM,
      right: margins.rightMm * MM,
    },
    bufferPages: true,
    info: { Title: t(title, 300), Creator: 'Xã Số' },
    lang: lang === 'vi' ? 'vi-VN' : 'en',
  });
  // Bytes, parsed per document: a fontkit font shared between documents loses glyphs that an
  // earlier document's subset used as parts of composite letters ("REPORT" came out "R PORT"
  // after a document with "Ế"; tests/main/service/reports/pdf.test.ts).
  for (const face of FONT_FACES) doc.registerFont(FONT_NAME[face], fontBytes(face));
  doc.font('r').fontSize(SIZES.body);
  return doc;
}

/** Collects the document's bytes once `doc.end()` is called. */
export function pdfBytes(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

type Line = Readonly<{ text: string; font: string; size: number; rule?: 'short' | 'text' }>;

/** A centred column of lines at `x`, `width`; returns the y below it. */
function column(doc: Doc, x: number, y: number, width: number, lines: readonly Line[]): number {
  let cy = y;
  for (const line of lines) {
    doc.font(line.font).fontSize(line.size);
    const text = t(line.text, 300);
    doc.text(text, x, cy, { width, align: 'center' });
    cy = doc.y;
    if (line.rule !== undefined) {
      const len =
        line.rule === 'text' ? Math.min(doc.widthOfString(text), width) : Math.min(width / 3, 60);
      const x0 = x + (width - len) / 2;
      doc
        .moveTo(x0, cy + 3)
        .lineTo(x0 + len, cy + 3)
        .lineWidth(0.6)
        .stroke('#000');
      cy += 6;
    }
  }
  return cy;
}

/** Issuing body and number (left), national header with place and date (right). */
export function pdfHeader(doc: Doc, header: DocumentHeader): void {
  const y = doc.page.margins.top;
  const leftW = 68 * MM;
  const rightW = CONTENT - leftW;
  const nation = NATIONAL_HEADER[header.lang];
  const agency = header.agency.map((text, i) => ({
    text,
    font: 'b',
    size: SIZES.agency,
    ...(i === header.agency.length - 1 ? { rule: 'short' as const } : {}),
  }));
  const left = column(doc, LEFT, y, leftW, [
    ...(header.parent === undefined
      ? []
      : [{ text: header.parent, font: 'r', size: SIZES.agency }]),
    ...agency,
  ]);
  const right = column(doc, LEFT + leftW, y, rightW, [
    { text: nation.nation, font: 'b', size: SIZES.nation },
    { text: nation.motto, font: 'b', size: SIZES.motto, rule: 'text' },
  ]);
  const lineY = Math.max(left, right) + 2;
  const a = column(doc, LEFT, lineY, leftW, [
    { text: numberLine(header), font: 'r', size: SIZES.body },
  ]);
  const b = column(doc, LEFT + leftW, lineY, rightW, [
    { text: placeDateLine(header), font: 'i', size: SIZES.body },
  ]);
  doc.x = LEFT;
  doc.y = Math.max(a, b) + 14;
}

/** Title and "trích yếu", centred, bold. */
export function pdfTitle(doc: Doc, title: string, subtitle?: string): void {
  doc.x = LEFT;
  const lines: Line[] = [{ text: title, font: 'b', size: SIZES.title }];
  if (subtitle !== undefined)
    lines.push({ text: subtitle, font: 'b', size: SIZES.body, rule: 'short' });
  doc.y = column(doc, LEFT, doc.y, CONTENT, lines) + 8;
  doc.x = LEFT;
}

function table(doc: Doc, block: Extract<DocBlock, { kind: 'table' }>): void {
  const size = block.small === true ? SIZES.small : SIZES.table;
  ensureRoom(doc, size * 4);
  doc.x = LEFT;
  doc.font('r').fontSize(size);
  doc.table({
    columnStyles: block.widths.map((w) => ({ width: w * CONTENT })),
    defaultStyle: { border: 0.5, borderColor: '#000', padding: 3 },
    data: [
      block.head.map((h) => ({
        text: t(h, 200),
        font: { src: 'b', size },
        align: { x: 'center', y: 'center' },
        type: 'TH' as const,
      })),
      ...block.rows.map((r) => r.map((c) => ({ text: t(c, 1500), font: { src: 'r', size } }))),
    ],
  });
  doc.x = LEFT;
  doc.moveDown(0.4);
}

function image(doc: Doc, block: Extract<DocBlock, { kind: 'image' }>): void {
  const h = block.maxHeightMm * MM;
  ensureRoom(doc, h + 20);
  try {
    doc.image(block.data, LEFT, doc.y, { fit: [block.maxWidthMm * MM, h] });
    doc.y += h + 2;
  } catch {
    return; // a damaged image must not stop the document
  }
  if (block.caption !== undefined)
    doc
      .font('i')
      .fontSize(SIZES.small)
      .text(t(block.caption, 500), LEFT, doc.y, { width: CONTENT });
  doc.moveDown(0.4);
}

/** One body block. */
export function pdfBlock(doc: Doc, block: DocBlock): void {
  doc.x = LEFT;
  switch (block.kind) {
    case 'heading':
      ensureRoom(doc, 100);
      doc.moveDown(0.3).font('b').fontSize(SIZES.body).text(t(block.text, 500), { width: CONTENT });
      doc.moveDown(0.2);
      return;
    case 'subheading':
      ensureRoom(doc, 50);
      doc.font('bi').fontSize(SIZES.body).text(t(block.text, 500), { width: CONTENT });
      doc.moveDown(0.1);
      return;
    case 'para':
      doc
        .font(block.bold === true ? 'b' : block.italic === true ? 'i' : 'r')
        .fontSize(SIZES.body)
        .text(t(block.text), {
          width: CONTENT,
          align: 'justify',
          indent: 10 * MM,
          paragraphGap: 4,
        });
      return;
    case 'bullet': {
      const indent = (block.level === 2 ? 16 : 8) * MM;
      doc
        .font('r')
        .fontSize(block.level === 2 ? SIZES.table : SIZES.body)
        .text(`${block.level === 2 ? '+' : '-'} ${t(block.text)}`, LEFT + indent, doc.y, {
          width: CONTENT - indent,
          align: 'justify',
          paragraphGap: 2,
        });
      doc.x = LEFT;
      return;
    }
    case 'table':
      table(doc, block);
      return;
    case 'image':
      image(doc, block);
      return;
    default:
      block satisfies never;
  }
}

function signer(doc: Doc, s: SignatureBlock, x: number, y: number, width: number): number {
  const lines: Line[] = [];
  if (s.title !== '') lines.push({ text: s.title, font: 'b', size: SIZES.body });
  if (s.position !== undefined) lines.push({ text: s.position, font: 'b', size: SIZES.body });
  lines.push({ text: s.hint, font: 'i', size: SIZES.body });
  let cy = column(doc, x, y, width, lines) + 4;
  const box = 24 * MM;
  if (s.signaturePng !== undefined) {
    try {
      doc.image(s.signaturePng, x + width / 2 - 25 * MM, cy, {
        fit: [50 * MM, box],
        align: 'center',
      });
    } catch {
      // an unreadable signature image leaves the space blank to sign by hand
    }
  }
  cy += box + 4;
  return column(doc, x, cy, width, [{ text: s.name, font: 'b', size: SIZES.body }]);
}

/** Signature blocks: the first `left` signers down the left column, the rest on the right. */
export function pdfSignatures(doc: Doc, blocks: readonly SignatureBlock[], left: number): void {
  const half = CONTENT / 2;
  const lefts = blocks.slice(0, left);
  const rights = blocks.slice(left);
  const rows = Math.max(lefts.length, rights.length);
  doc.moveDown(0.6);
  for (let i = 0; i < rows; i += 1) {
    ensureRoom(doc, 150);
    const y = doc.y;
    const a = lefts[i] === undefined ? y : signer(doc, lefts[i]!, LEFT, y, half);
    const b = rights[i] === undefined ? y : signer(doc, rights[i]!, LEFT + half, y, half);
    doc.x = LEFT;
    doc.y = Math.max(a, b) + 12;
  }
}

/** Page numbers at the top centre of every page but the first (NĐ 30/2020 Phụ lục I). */
export function pdfPageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const top = doc.page.margins.top;
    doc.page.margins.top = 0;
    doc
      .font('r')
      .fontSize(SIZES.body)
      .text(String(i + 1), LEFT, 10 * MM, { width: CONTENT, align: 'center', lineBreak: false });
    doc.page.margins.top = top;
  }
}

/** Renders a whole {@link OfficialDocument} as PDF bytes. */
export function renderOfficialPdf(document: OfficialDocument): Promise<Buffer> {
  const doc = createPdf(document.header.lang, document.fileTitle);
  const done = pdfBytes(doc);
  pdfHeader(doc, document.header);
  pdfTitle(doc, document.title, document.subtitle);
  for (const block of document.body) pdfBlock(doc, block);
  pdfSignatures(doc, document.signatures, document.leftSigners);
  if (document.appendix !== undefined) {
    doc.addPage();
    pdfTitle(doc, document.appendix.title, document.appendix.subtitle);
    for (const block of document.appendix.body) pdfBlock(doc, block);
  }
  pdfPageNumbers(doc);
  doc.end();
  return done;
}
