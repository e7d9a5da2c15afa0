/**
 * The printable PDF (A4, pdfkit in plain Node, so it works in the CLI on a PC without
 * Chromium). Text uses the embedded full Be Vietnam Pro TTF: diacritics are exact and the text
 * can be extracted (checked with pdftotext). Cover, summary, machines, findings, problems and
 * fixes, open items, people helped, checklists with evidence and signatures, photos.
 */
import PDFDocument from 'pdfkit';

import { fontBytes } from './fonts.js';
import { statusWord, summaryLine, type ReportModel } from './model.js';
import { displayText as clean, safeImageDataUrl } from './text-safety.js';

type Doc = PDFKit.PDFDocument;
const MM = 72 / 25.4;
// Be Vietnam Pro has no ✓/✗/⚠/→ glyphs: status is shown by a word, a plain mark and a colour.
const ICON: Readonly<Record<string, string>> = { ok: '•', warn: '!', fail: '×', unknown: '?' };
const COLOR: Readonly<Record<string, string>> = {
  ok: '#0a6b2d',
  warn: '#8a5a00',
  fail: '#b00020',
  unknown: '#555555',
};

/** A status cell: mark, word and colour. */
function statusCell(model: ReportModel, status: string): PDFKit.Mixins.CellOptions {
  return {
    text: `${ICON[status] ?? ''} ${statusWord(model.L, status)}`,
    textColor: COLOR[status] ?? '#000000',
  };
}

/** Cleans text for the PDF (and swaps the arrow the font lacks). */
function d(text: string | undefined, max?: number): string {
  return clean(text, max).replace(/→/g, '->');
}

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc
    .moveDown(0.8)
    .font('bold')
    .fontSize(13)
    .fillColor('#1b1b1b')
    .text(d(text))
    .moveDown(0.3)
    .font('body')
    .fontSize(10);
}

function para(doc: Doc, text: string, max = 5000): void {
  doc.font('body').fontSize(10).text(d(text, max), { align: 'left' });
}

function table(
  doc: Doc,
  head: readonly string[],
  rows: readonly (readonly (string | PDFKit.Mixins.CellOptions)[])[],
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
      ...rows.map((r) =>
        r.map((c) => (typeof c === 'string' ? d(c, 1500) : { ...c, text: d(c.text ?? '', 200) })),
      ),
    ],
  });
  doc.moveDown(0.5);
}

function image(doc: Doc, dataUrl: string | undefined, fit: [number, number]): boolean {
  const src = safeImageDataUrl(dataUrl);
  if (src === undefined) return false;
  try {
    if (doc.y + fit[1] > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.image(
      Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'),
      doc.page.margins.left,
      doc.y,
      { fit },
    );
    doc.y += fit[1] + 4;
    return true;
  } catch {
    return false; // a damaged image must not stop the report
  }
}

function cover(doc: Doc, model: ReportModel): void {
  const { L, visit } = model;
  doc.font('bold').fontSize(18).text(L.title, { align: 'center' }).moveDown(1.5);
  doc.fontSize(16).text(d(visit.commune.name, 300), { align: 'center' });
  doc
    .font('body')
    .fontSize(13)
    .text(d(visit.commune.province, 300), { align: 'center' })
    .moveDown(2);
  const facts: Array<[string, string]> = [
    [L.office, visit.office],
    [L.date, visit.onSite.date],
    [L.time, model.time],
    [L.interns, model.interns.join(', ')],
    [L.contact, model.contact],
    [
      L.timeSpent,
      visit.timeSpentMinutes === undefined ? '' : `${visit.timeSpentMinutes} ${L.minutes}`,
    ],
  ];
  for (const [k, v] of facts) {
    if (v === '') continue;
    doc
      .font('bold')
      .fontSize(11)
      .text(`${d(k)}: `, { continued: true })
      .font('body')
      .text(d(v, 1000));
  }
  doc.moveDown(1.5);
  heading(doc, L.summary);
  para(doc, summaryLine(model));
}

function machines(doc: Doc, model: ReportModel): void {
  const { L } = model;
  heading(doc, L.machines);
  table(
    doc,
    [L.hostname, L.model, L.os, L.result],
    model.machines.map((m) => [m.hostname, m.model, m.os, statusCell(model, m.verdict)]),
    [110, 120, 155, 98],
  );
  heading(doc, L.findings);
  for (const m of model.machines) {
    doc
      .font('bold')
      .fontSize(11)
      .text(d(`${m.hostname} — ${m.model} ${m.os}`, 400))
      .font('body')
      .fontSize(10);
    if (m.changes === undefined) para(doc, L.newMachine);
    else if (m.changes.length > 0) para(doc, `${L.changes}: ${m.changes.join('; ')}`);
    if (m.findings.length === 0) para(doc, L.noFindings);
    table(
      doc,
      [L.status, L.check, L.detail, L.fix],
      m.findings.map((f) => [statusCell(model, f.status), f.title, f.detail, f.fix]),
      [70, 110, 160, 143],
    );
  }
}

function lists(doc: Doc, model: ReportModel): void {
  const { L, visit } = model;
  heading(doc, L.problems);
  if (visit.problems.length === 0) para(doc, L.none);
  table(
    doc,
    [L.area, L.item],
    visit.problems.map((p) => [p.kind, p.text]),
    [90, 393],
  );
  heading(doc, L.fixes);
  if (visit.fixes.length === 0) para(doc, L.none);
  table(
    doc,
    [L.what, L.how],
    visit.fixes.map((f) => [f.what, f.how]),
    [200, 283],
  );
  heading(doc, L.openItems);
  if (visit.openItems.length === 0) para(doc, L.none);
  table(
    doc,
    [L.item, L.status, L.owner],
    visit.openItems.map((i) => [
      i.text + (i.carriedFrom ? ` (${L.carried})` : ''),
      i.done ? L.done : L.open,
      i.owner ?? '',
    ]),
    [290, 70, 123],
  );
  heading(doc, L.people);
  if (visit.peopleHelped.length === 0) para(doc, L.none);
  table(
    doc,
    [L.task, '', L.count],
    visit.peopleHelped.map((p) => [
      p.task,
      p.role === 'official' ? L.official : L.citizen,
      String(p.count),
    ]),
    [290, 120, 73],
  );
}

function checklists(doc: Doc, model: ReportModel): void {
  const { L, visit, lang } = model;
  heading(doc, L.checklists);
  if (visit.checklists.length === 0) para(doc, L.none);
  for (const run of visit.checklists) {
    doc.font('bold').fontSize(11).text(d(run.title[lang], 300)).font('body').fontSize(10);
    table(
      doc,
      [L.step, L.outcome, L.detail],
      run.steps.map((s) => [
        s.title[lang],
        L[`outcome_${s.outcome}` as keyof typeof L] ?? s.outcome,
        [s.answer, s.note, s.overrideReason].filter(Boolean).join(' — '),
      ]),
      [170, 90, 223],
    );
    for (const ev of run.steps.flatMap((s) => s.evidence ?? [])) {
      para(doc, `${L.evidence}: ${ev.name}`, 300);
      image(doc, ev.dataUrl, [200, 120]);
    }
    if (run.signOff !== undefined) {
      para(
        doc,
        `${L.signedBy}: ${run.signOff.name}, ${run.signOff.position} (${run.signOff.signedAt})`,
        600,
      );
      image(doc, run.signOff.signaturePng, [160, 60]);
    }
  }
}

function photos(doc: Doc, model: ReportModel): void {
  if (model.visit.photos.length === 0) return;
  heading(doc, model.L.photos);
  for (const p of model.visit.photos) {
    if (image(doc, p.dataUrl, [240, 180])) para(doc, p.caption ?? p.name, 500);
  }
}

function pageNumbers(doc: Doc, model: ReportModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#555')
      .text(
        `${model.L.generated} · ${d(model.visit.commune.name, 80)} · ${model.L.page} ${i + 1}/${range.count}`,
        doc.page.margins.left,
        doc.page.height - 12 * MM,
        {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
}

/** Renders the PDF as bytes. */
export function renderPdf(model: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM },
    bufferPages: true,
    info: { Title: `${model.L.title} — ${d(model.visit.commune.name, 200)}`, Creator: 'Xã Số' },
    lang: model.lang === 'vi' ? 'vi-VN' : 'en',
  });
  // A parsed fontkit font is a valid source for pdfkit ≥ 0.17 (its types only list bytes).
  doc.registerFont('body', fontBytes('400Regular'));
  doc.registerFont('bold', fontBytes('700Bold'));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('body');
  cover(doc, model);
  doc.addPage();
  machines(doc, model);
  lists(doc, model);
  checklists(doc, model);
  photos(doc, model);
  pageNumbers(doc, model);
  doc.end();
  return done;
}
