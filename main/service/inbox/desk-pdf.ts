/**
 * The PDF summary for the province (the programme's end-of-term evaluation): the indicators, then
 * per intern (visits shared, people helped, hours, last report) and per commune (visits, open
 * items, people helped, and the commune's own assessment of the interns when a visit recorded it).
 * pdfkit with the embedded Be Vietnam Pro, as the visit PDF.
 */
import PDFDocument from 'pdfkit';

import type { Lang } from '../define.js';
import { parsedFont } from '../reports/fonts.js';
import { displayText as clean } from '../reports/text-safety.js';
import { HELPED_CATEGORIES } from '../visits/schema.js';
import { HELPED_TERMS, formatDate } from '../vocabulary.js';
import type { Desk } from './records.js';
import { INDICATOR_TERMS } from './terms.js';

const MM = 72 / 25.4;
type Doc = PDFKit.PDFDocument;

const d = (text: string | undefined, max = 1500): string => clean(text, max).replace(/→/g, '->');

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.8).font('bold').fontSize(13).text(d(text)).moveDown(0.3).font('body').fontSize(10);
}

function table(
  doc: Doc,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): void {
  if (rows.length === 0) return;
  doc.x = doc.page.margins.left;
  doc.table({
    columnStyles: widths.map((w) => ({ width: w })),
    defaultStyle: { border: 0.5, borderColor: '#999', padding: 3 },
    rowStyles: (i) => (i === 0 ? { backgroundColor: '#eeeeee' } : undefined),
    data: [
      head.map((h) => ({ text: d(h), font: { src: 'bold' } })),
      ...rows.map((r) => r.map((c) => d(c))),
    ],
  });
  doc.moveDown(0.5);
}

/** Renders the province summary. */
export async function renderDeskPdf(desk: Desk, lang: Lang, title: string): Promise<Buffer> {
  const vi = lang === 'vi';
  const date = (iso: string | undefined): string =>
    iso === undefined ? '' : formatDate(iso, lang);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM },
    info: { Title: title, Creator: 'Xã Số' },
  });
  doc.registerFont('body', parsedFont('400Regular') as Buffer);
  doc.registerFont('bold', parsedFont('700Bold') as Buffer);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(16).text(d(title)).font('body').fontSize(10);
  const f = desk.filter;
  doc.text(
    d(
      vi
        ? `Lập ngày ${date(desk.now)}${f.from ? `, từ ${date(f.from)}` : ''}${f.to ? ` đến ${date(f.to)}` : ''}`
        : `Made on ${date(desk.now)}${f.from ? `, from ${date(f.from)}` : ''}${f.to ? ` to ${date(f.to)}` : ''}`,
    ),
  );
  const ind = desk.indicators;
  heading(doc, vi ? 'Các chỉ số của chương trình' : 'Programme indicators');
  table(
    doc,
    [vi ? 'Chỉ số' : 'Indicator', vi ? 'Giá trị' : 'Value'],
    [
      ...(Object.keys(INDICATOR_TERMS) as (keyof typeof INDICATOR_TERMS)[]).map((k) => [
        INDICATOR_TERMS[k][lang],
        String(ind[k].value),
      ]),
      ...HELPED_CATEGORIES.map((c) => [
        HELPED_TERMS[c][lang],
        String(ind.peopleByCategory[c].value),
      ]),
    ],
    [360, 110],
  );
  heading(doc, vi ? 'Theo sinh viên' : 'Per intern');
  table(
    doc,
    vi
      ? ['Sinh viên', 'Chuyến (chia đều)', 'Người được hỗ trợ', 'Giờ tại xã', 'Báo cáo gần nhất']
      : ['Intern', 'Visits (shared)', 'People helped', 'Hours on site', 'Last report'],
    desk.interns.map((i) => [
      i.name,
      String(i.visits),
      String(i.people),
      String(i.hours),
      date(i.lastReport),
    ]),
    [150, 80, 80, 70, 90],
  );
  heading(doc, vi ? 'Theo xã, phường' : 'Per commune');
  table(
    doc,
    vi
      ? ['Xã/phường', 'Chuyến', 'Lần cuối', 'Việc còn tồn', 'Người được hỗ trợ']
      : ['Commune', 'Visits', 'Last visit', 'Open items', 'People helped'],
    desk.communes.map((c) => [
      `${c.commune}${c.province ? `, ${c.province}` : ''}`,
      String(c.visits.value),
      date(c.lastVisit),
      String(c.openItems),
      String(c.people),
    ]),
    [170, 60, 80, 80, 80],
  );
  const assessed = desk.communes.filter((c) => c.assessments.length > 0);
  if (assessed.length > 0) {
    heading(doc, vi ? 'Nhận xét của xã về sinh viên' : "The communes' assessment of the interns");
    for (const c of assessed) {
      doc.font('bold').text(d(c.commune)).font('body');
      for (const a of c.assessments)
        doc.text(d(`${date(a.date)}: ${a.text}${a.by ? ` (${a.by})` : ''}`, 5000), { indent: 12 });
      doc.moveDown(0.4);
    }
  }
  if (desk.communesWithoutVisit.length > 0) {
    heading(doc, vi ? 'Xã, phường chưa có chuyến' : 'Communes without a visit');
    doc.text(d(desk.communesWithoutVisit.join(', '), 5000));
  }
  doc.end();
  return done;
}
