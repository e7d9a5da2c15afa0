/**
 * The "biên bản" (minutes) the commune can sign and stamp, laid out like a Vietnamese
 * administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4; margins top/bottom 20 mm,
 * left 30 mm, right 15 mm; Times New Roman 13 pt; the issuing body and the national motto
 * ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc", bold, underlined by a
 * line) side by side at the top; place and date in italics; title "BIÊN BẢN"; signature blocks
 * at the end ("Ký, ghi rõ họ tên, đóng dấu"). Always in Vietnamese: it is a legal record.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip as mm,
} from 'docx';

import { buildReportModel, statusWord, type ReportModel } from './model.js';
import { displayText as d } from './text-safety.js';

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

type RunOpts = { bold?: boolean; italics?: boolean; size?: number };

function p(
  text: string,
  opts: RunOpts & {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    after?: number;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 60, line: 300 },
    children: [
      new TextRun({
        text: d(text, 5000),
        bold: opts.bold ?? false,
        italics: opts.italics ?? false,
        size: opts.size ?? SIZE,
        font: FONT,
      }),
    ],
  });
}

const center = (text: string, opts: RunOpts = {}) =>
  p(text, { ...opts, align: AlignmentType.CENTER, after: 0 });

function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({ width: { size: mm(widthMm), type: WidthType.DXA }, children });
}

/** Issuing body (left) and national motto (right), per NĐ 30/2020 Phụ lục I. */
function header(model: ReportModel, dateLine: string): Table {
  const left = [
    center('ỦY BAN NHÂN DÂN', { size: 26 }),
    center(d(model.visit.commune.name, 120).toLocaleUpperCase('vi'), { bold: true, size: 26 }),
    center('———', { size: 20 }),
  ];
  const right = [
    center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
    center('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 }),
    center('———————————', { size: 20 }),
    center(dateLine, { italics: true }),
  ];
  return new Table({
    width: { size: mm(165), type: WidthType.DXA },
    columnWidths: [mm(65), mm(100)],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 65), cell(right, 100)] })],
  });
}

function grid(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  widthsMm: readonly number[],
): Table {
  const row = (values: readonly string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: values.map((v, i) =>
        cell([p(v, { bold, size: 24, align: AlignmentType.LEFT, after: 0 })], widthsMm[i] ?? 30),
      ),
    });
  return new Table({
    width: { size: mm(165), type: WidthType.DXA },
    columnWidths: widthsMm.map(mm),
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

function dateLine(model: ReportModel): string {
  const [y, m, day] = model.visit.onSite.date.split('-');
  return `${d(model.visit.commune.name, 120)}, ngày ${day} tháng ${m} năm ${y}`;
}

function body(model: ReportModel): Array<Paragraph | Table> {
  const { L, visit } = model;
  const out: Array<Paragraph | Table> = [
    p(
      `Hôm nay, ngày ${visit.onSite.date}${model.time ? `, từ ${model.time}` : ''}, tại ${visit.office || visit.commune.name}, ${visit.commune.name}, ${visit.commune.province}, chúng tôi gồm:`,
    ),
    p('1. Đại diện Ủy ban nhân dân xã:', { bold: true }),
    p(model.contact || '……………………………………………'),
    p('2. Sinh viên hỗ trợ kỹ thuật:', { bold: true }),
    ...model.interns.map((name) => p(`- ${name}`)),
    p('Cùng lập biên bản về việc hỗ trợ kỹ thuật công nghệ thông tin với nội dung sau:'),
    p(`I. ${L.summary}`, { bold: true }),
    p(
      `${model.totals.machines} máy được kiểm tra; ${model.totals.fail} lỗi, ${model.totals.warn} cảnh báo, ${model.totals.unknown} mục chưa kiểm tra được; ${model.totals.fixes} việc đã khắc phục; ${model.totals.open} việc còn tồn; ${model.totals.people} người được hỗ trợ.`,
    ),
    p(`II. ${L.machines}`, { bold: true }),
    grid(
      [L.hostname, L.os, L.result],
      model.machines.map((m) => [m.hostname, m.os, statusWord(L, m.verdict)]),
      [50, 80, 35],
    ),
    p(`III. ${L.problems}`, { bold: true }),
  ];
  const problems = [
    ...visit.problems.map((x) => x.text),
    ...model.findings
      .filter((f) => f.status === 'fail')
      .map((f) => `${f.machine}: ${f.title} — ${f.detail}`),
  ];
  out.push(...(problems.length === 0 ? [p(L.none)] : problems.map((t) => p(`- ${t}`))));
  out.push(p(`IV. ${L.fixes}`, { bold: true }));
  out.push(
    ...(visit.fixes.length === 0
      ? [p(L.none)]
      : visit.fixes.map((f) => p(`- ${f.what}: ${f.how}`))),
  );
  out.push(p(`V. ${L.openItems}`, { bold: true }));
  const open = visit.openItems.filter((i) => !i.done);
  out.push(
    ...(open.length === 0
      ? [p(L.none)]
      : open.map((i) => p(`- ${i.text}${i.owner ? ` (${i.owner})` : ''}`))),
  );
  if (visit.peopleHelped.length > 0) {
    out.push(p(`VI. ${L.people}`, { bold: true }));
    out.push(
      ...visit.peopleHelped.map((x) =>
        p(`- ${x.role === 'official' ? L.official : L.citizen}: ${x.task} — ${x.count} người`),
      ),
    );
  }
  out.push(
    p(
      'Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản; các bên đã đọc lại và thống nhất ký tên.',
    ),
  );
  return out;
}

function signatures(model: ReportModel): Table {
  const block = (title: string, hint: string, name: string) =>
    cell(
      [
        center(title, { bold: true }),
        center(hint, { italics: true }),
        p('', { after: 1400 }),
        center(name, { bold: true }),
      ],
      82,
    );
  return new Table({
    width: { size: mm(165), type: WidthType.DXA },
    columnWidths: [mm(82), mm(83)],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          block('SINH VIÊN HỖ TRỢ', '(Ký, ghi rõ họ tên)', model.interns[0] ?? ''),
          block(
            'ĐẠI DIỆN UBND XÃ',
            '(Ký, ghi rõ họ tên, đóng dấu)',
            model.visit.contact?.name ?? '',
          ),
        ],
      }),
    ],
  });
}

/** Renders the biên bản as DOCX bytes (Vietnamese regardless of the UI language). */
export async function renderDocx(visitModel: ReportModel): Promise<Buffer> {
  const model = visitModel.lang === 'vi' ? visitModel : buildReportModel(visitModel.visit, 'vi');
  const doc = new Document({
    creator: 'Xã Số',
    title: `Biên bản hỗ trợ CNTT — ${d(model.visit.commune.name, 200)}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: [
          header(model, dateLine(model)),
          p('', { after: 200 }),
          center('BIÊN BẢN', { bold: true, size: 28 }),
          center('Về việc hỗ trợ kỹ thuật công nghệ thông tin', { bold: true }),
          p('', { after: 200 }),
          ...body(model),
          p('', { after: 200 }),
          signatures(model),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
