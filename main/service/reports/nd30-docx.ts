/**
 * docx building blocks of an NĐ 30/2020 document (see `nd30.ts`): the same page as
 * `nd30-pdf.ts`. Text runs name Times New Roman, the font the decree names and every Windows PC
 * has; Tinos (its metric twin) is embedded under that name in all four faces, so a PC or a
 * LibreOffice without Times New Roman shows the same lines and page breaks.
 */
import {
  AlignmentType,
  BorderStyle,
  CharacterSet,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip as mm,
  type ISectionOptions,
} from 'docx';

import { fontBytes } from './fonts.js';
import {
  CONTENT_WIDTH_MM,
  NATIONAL_HEADER,
  PAGE,
  SIZES,
  fitBox,
  imageSize,
  numberLine,
  placeDateLine,
  type DocBlock,
  type DocumentHeader,
  type OfficialDocument,
  type SignatureBlock,
} from './nd30.js';
import { displayText } from './text-safety.js';

/** The font name runs carry (Tinos is embedded under it). */
export const DOCX_FONT = 'Times New Roman';

type Block = Paragraph | Table;
type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
type RunStyle = Readonly<{ bold?: boolean; italics?: boolean; size?: number }>;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;
const half = (pt: number) => pt * 2;

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: displayText(text, 5000),
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    size: half(style.size ?? SIZES.body),
    font: DOCX_FONT,
  });
}

/** A paragraph of one run. */
export function para(
  text: string,
  style: RunStyle & { align?: Align; after?: number; firstLineMm?: number; leftMm?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: style.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: 0, after: style.after ?? 80, line: 276 },
    indent: {
      ...(style.firstLineMm === undefined ? {} : { firstLine: mm(style.firstLineMm) }),
      ...(style.leftMm === undefined ? {} : { left: mm(style.leftMm) }),
    },
    children: [run(text, style)],
  });
}

/** A centred line. */
function centred(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 260 },
    children: [run(text, style)],
  });
}

/** A short centred rule `ruleMm` wide in a column `cellMm` wide (under the agency, the motto). */
function rule(ruleMm: number, cellMm: number): Paragraph {
  const inset = Math.max(0, (cellMm - ruleMm) / 2);
  return new Paragraph({
    spacing: { before: 0, after: 100, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: LINE },
    indent: { left: mm(inset), right: mm(inset) },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function cell(children: Paragraph[], widthMm: number, extra: { shade?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    margins: { top: mm(0.8), bottom: mm(0.8), left: mm(1.2), right: mm(1.2) },
    verticalAlign: VerticalAlign.TOP,
    ...(extra.shade === true
      ? { shading: { type: ShadingType.CLEAR, fill: 'E7E7E7', color: 'auto' } }
      : {}),
    children,
  });
}

const LEFT_MM = 68;
const RIGHT_MM = CONTENT_WIDTH_MM - LEFT_MM;

/** Issuing body and number (left), national header, place and date (right). */
export function docxHeader(header: DocumentHeader): Table {
  const nation = NATIONAL_HEADER[header.lang];
  const agency = header.agency.map((line) => centred(line, { bold: true, size: SIZES.agency }));
  const left = [
    ...(header.parent === undefined ? [] : [centred(header.parent, { size: SIZES.agency })]),
    ...agency,
    rule(20, LEFT_MM),
    centred(numberLine(header)),
  ];
  const mottoMm = header.lang === 'vi' ? 62 : 80;
  const right = [
    centred(nation.nation, { bold: true, size: SIZES.nation }),
    centred(nation.motto, { bold: true, size: SIZES.motto }),
    rule(mottoMm, RIGHT_MM),
    centred(placeDateLine(header), { italics: true }),
  ];
  return new Table({
    width: { size: mm(CONTENT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(LEFT_MM), mm(RIGHT_MM)],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, LEFT_MM), cell(right, RIGHT_MM)] })],
  });
}

/** Title and "trích yếu". */
export function docxTitle(title: string, subtitle?: string): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    centred(title, { bold: true, size: SIZES.title }),
    ...(subtitle === undefined
      ? []
      : [centred(subtitle, { bold: true }), rule(30, CONTENT_WIDTH_MM)]),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

function table(block: Extract<DocBlock, { kind: 'table' }>): Table {
  const size = block.small === true ? SIZES.small : SIZES.table;
  const widths = block.widths.map((w) => w * CONTENT_WIDTH_MM);
  const row = (values: readonly string[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: values.map((v, i) =>
        cell(
          [
            para(v, {
              bold: head,
              size,
              align: head ? AlignmentType.CENTER : AlignmentType.LEFT,
              after: 0,
            }),
          ],
          widths[i] ?? 30,
          { shade: head },
        ),
      ),
    });
  return new Table({
    width: { size: mm(CONTENT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    rows: [row(block.head, true), ...block.rows.map((r) => row(r, false))],
  });
}

function image(data: Buffer, maxWidthMm: number, maxHeightMm: number): ImageRun | undefined {
  const size = imageSize(data);
  if (size === undefined) return undefined;
  const box = fitBox(size, maxWidthMm, maxHeightMm);
  const px = (v: number) => Math.max(1, Math.round((v / 25.4) * 96));
  return new ImageRun({
    type: data[0] === 0xff ? 'jpg' : 'png',
    data,
    transformation: { width: px(box.widthMm), height: px(box.heightMm) },
  });
}

/** One body block, as docx paragraphs or a table. */
export function docxBlock(block: DocBlock): Block[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 120, after: 60 },
          children: [run(block.text, { bold: true })],
        }),
      ];
    case 'subheading':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 60, after: 40 },
          children: [run(block.text, { bold: true, italics: true })],
        }),
      ];
    case 'para':
      return [
        para(block.text, {
          firstLineMm: 10,
          ...(block.bold === true ? { bold: true } : {}),
          ...(block.italic === true ? { italics: true } : {}),
        }),
      ];
    case 'bullet':
      return [
        para(`${block.level === 2 ? '+' : '-'} ${block.text}`, {
          leftMm: block.level === 2 ? 16 : 8,
          after: 40,
          ...(block.level === 2 ? { size: SIZES.table } : {}),
        }),
      ];
    case 'table':
      return [table(block), new Paragraph({ spacing: { before: 0, after: 80 }, children: [] })];
    case 'image': {
      const img = image(block.data, block.maxWidthMm, block.maxHeightMm);
      if (img === undefined) return [];
      return [
        new Paragraph({ children: [img] }),
        ...(block.caption === undefined
          ? []
          : [para(block.caption, { italics: true, size: SIZES.small, align: AlignmentType.LEFT })]),
      ];
    }
    default:
      return block satisfies never;
  }
}

function signer(s: SignatureBlock | undefined, widthMm: number): TableCell {
  if (s === undefined) return cell([para('')], widthMm);
  const img = s.signaturePng === undefined ? undefined : image(s.signaturePng, 50, 24);
  return cell(
    [
      ...(s.title === '' ? [] : [centred(s.title, { bold: true })]),
      ...(s.position === undefined ? [] : [centred(s.position, { bold: true })]),
      centred(s.hint, { italics: true }),
      img === undefined
        ? new Paragraph({ spacing: { before: 0, after: mm(26) }, children: [] })
        : new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 120 },
            children: [img],
          }),
      centred(s.name, { bold: true }),
      new Paragraph({ spacing: { before: 0, after: 240 }, children: [] }),
    ],
    widthMm,
  );
}

/** Signature blocks: the first `left` signers down the left column, the rest on the right. */
export function docxSignatures(blocks: readonly SignatureBlock[], left: number): Table {
  const w = CONTENT_WIDTH_MM / 2;
  const lefts = blocks.slice(0, left);
  const rights = blocks.slice(left);
  const rows = Math.max(lefts.length, rights.length);
  return new Table({
    width: { size: mm(CONTENT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(w), mm(w)],
    borders: NO_BORDERS,
    rows: Array.from(
      { length: rows },
      (_, i) =>
        new TableRow({ cantSplit: true, children: [signer(lefts[i], w), signer(rights[i], w)] }),
    ),
  });
}

/** Page size, the decree's margins, and page numbers at the top centre from page 2. */
export function docxPage(): Pick<ISectionOptions, 'properties' | 'headers'> {
  const { margins } = PAGE;
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
        margin: {
          top: mm(margins.topMm),
          bottom: mm(margins.bottomMm),
          left: mm(margins.leftMm),
          right: mm(margins.rightMm),
          header: mm(10),
          footer: mm(10),
        },
      },
    },
    headers: {
      first: new Header({ children: [] }),
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                children: [PageNumber.CURRENT],
                font: DOCX_FONT,
                size: half(SIZES.body),
              }),
            ],
          }),
        ],
      }),
    },
  };
}

/** Tinos in four faces, embedded as Times New Roman (see the file comment). */
export function docxFonts(): NonNullable<ConstructorParameters<typeof Document>[0]['fonts']> {
  return [
    {
      name: DOCX_FONT,
      data: fontBytes('400Regular'),
      bold: fontBytes('700Bold'),
      italic: fontBytes('400Regular_Italic'),
      boldItalic: fontBytes('700Bold_Italic'),
      characterSet: CharacterSet.ANSI,
    },
  ];
}

/** Renders a whole {@link OfficialDocument} as DOCX bytes. */
export async function renderOfficialDocx(document: OfficialDocument): Promise<Buffer> {
  const page = docxPage();
  const main: Block[] = [
    docxHeader(document.header),
    ...docxTitle(document.title, document.subtitle),
    ...document.body.flatMap(docxBlock),
    docxSignatures(document.signatures, document.leftSigners),
  ];
  const sections: ISectionOptions[] = [{ ...page, children: main }];
  if (document.appendix !== undefined)
    sections.push({
      ...page,
      properties: { ...page.properties, titlePage: false },
      children: [
        ...docxTitle(document.appendix.title, document.appendix.subtitle),
        ...document.appendix.body.flatMap(docxBlock),
      ],
    });
  const doc = new Document({
    creator: 'Xã Số',
    title: displayText(document.fileTitle, 300),
    fonts: docxFonts(),
    styles: { default: { document: { run: { font: DOCX_FONT, size: half(SIZES.body) } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
