/**
 * The dossier as DOCX, laid out like an administrative document (NĐ 30/2020/NĐ-CP Phụ lục I, as
 * in reports/format-docx.ts): A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New
 * Roman 13 pt body (tables 10 pt), the issuing body and the national motto side by side, place
 * and date in italics, signature blocks. The network diagram is an SVG image with its PNG
 * rendering as the fallback (Word 2016+ shows the SVG; LibreOffice and older Word the PNG).
 */
import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip as mm,
} from 'docx';

import {
  DOCX_FONT,
  docxFonts,
  docxHeader,
  docxPage,
  docxSignatures,
  docxTitle,
} from '../reports/nd30-docx.js';
import { CONTENT_WIDTH_MM } from '../reports/nd30.js';
import { displayText } from '../reports/text-safety.js';
import { dossierDocument, type Block, type DossierDocument } from './document.js';
import { svgToPng } from './raster.js';
import type { Dossier } from './types.js';

const FONT = DOCX_FONT;
const BODY = 26; // half-points: 13 pt
const SMALL = 20; // 10 pt in tables
const TEXT_MM = CONTENT_WIDTH_MM;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
type RunOpts = Readonly<{
  bold?: boolean;
  italics?: boolean;
  size?: number;
  align?: Align;
  after?: number;
  before?: number;
}>;

function runs(text: string, o: RunOpts): TextRun[] {
  // A line break inside a cell (one evidence line per device) is a real break, not a space.
  return displayText(text, 8000)
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i === 0 ? 0 : 1,
          bold: o.bold ?? false,
          italics: o.italics ?? false,
          size: o.size ?? BODY,
          font: FONT,
        }),
    );
}

function p(text: string, o: RunOpts = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 80, line: 288 },
    children: runs(text, o),
  });
}

const center = (text: string, o: RunOpts = {}) =>
  p(text, { ...o, align: AlignmentType.CENTER, after: 0 });

function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    margins: { left: 60, right: 60 },
    children,
  });
}

function header(doc: DossierDocument): Table {
  return docxHeader({
    lang: 'vi',
    agency: [
      'ỦY BAN NHÂN DÂN',
      doc.agency.replace(/^Ủy ban nhân dân\s+/iu, '').toLocaleUpperCase('vi'),
    ],
    numberSuffix: 'HS-UBND',
    place: doc.place,
    date: doc.date,
  });
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const widths = b.widths.map((w) => Math.round(w * TEXT_MM));
  const row = (values: readonly string[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: !head && values.join('').length < 600,
      children: values.map((v, i) =>
        cell(
          [p(v, { bold: head, size: SMALL, align: AlignmentType.LEFT, after: 0 })],
          widths[i] ?? 20,
        ),
      ),
    });
  return new Table({
    width: { size: mm(TEXT_MM), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    rows: [row(b.head, true), ...b.rows.map((r) => row(r, false))],
  });
}

/** The diagram: SVG with its PNG fallback, fitted to the text width. */
async function diagram(b: Extract<Block, { kind: 'diagram' }>): Promise<Paragraph[]> {
  const size = /width="(\d+)" height="(\d+)"/.exec(b.svg);
  const [w, h] = [Number(size?.[1] ?? 1000), Number(size?.[2] ?? 600)];
  const png = await svgToPng(b.svg);
  // 160 mm wide in points-per-pixel terms docx expects (96 dpi): 160 mm ≈ 605 px.
  const width = 605;
  const height = Math.round((h / w) * width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(b.svg, 'utf8'),
          fallback: { type: 'png', data: png },
          transformation: { width, height },
          altText: { name: 'so-do-mang', title: 'Sơ đồ mạng', description: b.caption },
        }),
      ],
    }),
    center(b.caption, { italics: true, size: 24 }),
  ];
}

async function block(b: Block): Promise<Array<Paragraph | Table>> {
  switch (b.kind) {
    case 'heading':
      return [p(b.text, { bold: true, before: 200, after: 100, align: AlignmentType.LEFT })];
    case 'subheading':
      return [p(b.text, { bold: true, italics: true, before: 80, align: AlignmentType.LEFT })];
    case 'para':
      return [
        p(b.text, {
          ...(b.bold === undefined ? {} : { bold: b.bold }),
          ...(b.italic === undefined ? {} : { italics: b.italic }),
        }),
      ];
    case 'bullet':
      return [p(`– ${b.text}`)];
    case 'table':
      return [table(b), p('', { after: 60 })];
    case 'diagram':
      return diagram(b);
    default:
      return assertNever(b);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown block: ${JSON.stringify(value)}`);
}

function signatures(): Table {
  return docxSignatures(
    [
      { title: 'NGƯỜI LẬP', hint: '(Ký, ghi rõ họ tên)', name: '' },
      { title: 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký, ghi rõ họ tên, đóng dấu)', name: '' },
    ],
    1,
  );
}

async function blocks(list: readonly Block[]): Promise<Array<Paragraph | Table>> {
  const out: Array<Paragraph | Table> = [];
  for (const b of list) out.push(...(await block(b)));
  return out;
}

/** Renders the dossier as DOCX bytes. */
export async function renderDossierDocx(d: Dossier): Promise<Buffer> {
  const doc = dossierDocument(d);
  const page = docxPage();
  const document = new Document({
    creator: 'Xã Số',
    title: doc.title,
    description: doc.draftNote,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    fonts: docxFonts(),
    sections: [
      {
        ...page,
        children: [
          header(doc),
          ...docxTitle(doc.title, doc.subtitle),
          center(doc.draftNote, { italics: true, size: 24 }),
          p('', { after: 120 }),
          ...(await blocks(doc.body)),
          p('', { after: 200 }),
          signatures(),
        ],
      },
      {
        ...page,
        children: [
          center(doc.appendixTitle, { bold: true, size: 28 }),
          center('(Cơ quan điều chỉnh các chỗ …… cho phù hợp trước khi ban hành)', {
            italics: true,
            size: 24,
          }),
          p('', { after: 120 }),
          ...(await blocks(doc.appendix)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
