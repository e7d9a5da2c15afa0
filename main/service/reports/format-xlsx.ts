/**
 * The workbook (exceljs), lossless and usable: one sheet each for the visit, machines, problems
 * by cause, every check that was not ok, the problems the interns typed, fixes, open items,
 * people helped, checklist steps and LAN devices. Dates and times are real spreadsheet dates
 * (Viet Nam time), counts are numbers; every sheet has a frozen, filtered header row, set column
 * widths, and prints on A4 one page wide. Text cells go through `spreadsheetText` (formula
 * injection neutralised); nothing is written as a formula. No internal code reaches a cell.
 */
import type ExcelJS from 'exceljs';

import { HELPED_TERMS, PROBLEM_KIND_TERMS, DEVICE_TYPE_TERMS, ROLE_TERMS } from '../vocabulary.js';
import { areaWord, findingStatus } from './format-csv.js';
import { loadExcelJs } from './lazy-libs.js';
import { statusWord, summaryLine, type ReportModel } from './model.js';
import { spreadsheetText as s } from './text-safety.js';

type Cell = string | number | Date | undefined;
type Column = Readonly<{ head: string; width: number; kind?: 'date' | 'datetime' | 'int' }>;

/** `YYYY-MM-DD` → a date cell (midnight UTC, which spreadsheets show as that day). */
export function dateCell(iso: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso?.slice(0, 10) ?? '');
  if (m === null) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** An ISO time → a date-time cell in Viet Nam time (UTC+7), as the office read the clock. */
export function dateTimeCell(iso: string | undefined): Date | undefined {
  const ms = Date.parse(iso ?? '');
  return Number.isNaN(ms) ? undefined : new Date(ms + 7 * 3600_000);
}

const FORMATS = { date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm', int: '0' } as const;

/** Adds a sheet: bold frozen header with a filter, widths, formats, A4 one page wide. */
export function addDataSheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: columns.length > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = columns.map((c) => ({
    header: s(c.head),
    width: c.width,
    style: {
      alignment: { vertical: 'top', wrapText: c.kind === undefined },
      ...(c.kind === undefined ? {} : { numFmt: FORMATS[c.kind] }),
    },
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E7E7' } };
  });
  for (const row of rows)
    sheet.addRow(row.map((v) => (typeof v === 'string' ? s(v) : v === undefined ? null : v)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** Adds a plain sheet with a bold, frozen header row (used by the inbox's aggregate workbook). */
export function addSheet(
  book: ExcelJS.Workbook,
  name: string,
  head: readonly string[],
  rows: readonly Array<string | number>[],
  widths: readonly number[],
): void {
  const sheet = book.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = head.map((header, i) => ({ header: s(header), width: widths[i] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'number' ? v : s(v))));
}

function visitSheet(book: ExcelJS.Workbook, model: ReportModel): void {
  const { L, visit, totals: t, lang } = model;
  const a = visit.assessment;
  const rows: Array<[string, Cell]> = [
    [L.commune, visit.commune.name],
    [L.province, visit.commune.province],
    [L.office, visit.office],
    [L.documentNumber, visit.documentNumber],
    [L.date, dateCell(visit.onSite.date)],
    [L.time, model.time],
    [L.interns, model.interns.join('; ')],
    [L.contact, model.contact],
    [
      L.representative,
      [visit.representative?.name, visit.representative?.position].filter(Boolean).join(', '),
    ],
    [`${L.timeSpent} (${L.minutes})`, visit.timeSpentMinutes],
    [L.summary, summaryLine(model)],
    [L.machines, t.machines],
    [L.causes, t.causes],
    [L.status_fail, t.fail],
    [L.status_warn, t.warn],
    [L.affected, t.affected],
    [L.status_unknown, t.unknown],
    [L.notApplicable, t.notApplicable],
    [L.problems, t.typedProblems],
    [L.fixes, t.fixes],
    [L.openItems, t.open],
    [L.people, t.people],
    [L.checklists, t.checklists],
    [L.lanScans, t.lanDevices],
    [L.notes, visit.notes],
    [
      lang === 'vi' ? 'Nhận xét của cơ quan' : "Office's assessment",
      a === undefined ? undefined : [a.text, a.by, a.position].filter(Boolean).join(' — '),
    ],
    [L.photos, visit.photos.map((p) => p.caption ?? p.name).join('; ')],
  ];
  const sheet = addDataSheet(
    book,
    L.visit,
    [
      { head: L.field, width: 34 },
      { head: L.value, width: 80 },
    ],
    rows,
  );
  sheet.getColumn(2).alignment = { vertical: 'top', wrapText: true, horizontal: 'left' };
  sheet.getCell('B5').numFmt = FORMATS.date;
}

function machinesSheet(book: ExcelJS.Workbook, model: ReportModel): void {
  const { L } = model;
  addDataSheet(
    book,
    L.machines,
    [
      { head: L.hostname, width: 18 },
      { head: L.assetTag, width: 12 },
      { head: L.room, width: 14 },
      { head: L.user, width: 16 },
      { head: L.model, width: 18 },
      { head: L.serial, width: 12 },
      { head: L.os, width: 26 },
      { head: L.supportEnd, width: 12, kind: 'date' },
      { head: L.ip, width: 15 },
      { head: L.mac, width: 18 },
      { head: L.result, width: 12 },
      { head: L.status_fail, width: 7, kind: 'int' },
      { head: L.status_warn, width: 8, kind: 'int' },
      { head: L.affected, width: 9, kind: 'int' },
      { head: L.status_unknown, width: 10, kind: 'int' },
      { head: L.notApplicable, width: 9, kind: 'int' },
      { head: L.status_ok, width: 6, kind: 'int' },
      { head: L.takenAt, width: 16, kind: 'datetime' },
      { head: L.changes, width: 36 },
      { head: L.fingerprint, width: 18 },
    ],
    model.machines.map((m) => [
      m.hostname,
      m.assetTag,
      m.room,
      m.user,
      m.model,
      m.serial,
      m.os,
      dateCell(m.supportEnd),
      m.ip,
      m.mac,
      statusWord(L, m.verdict),
      m.tally.fail,
      m.tally.warn,
      m.tally.affected,
      m.tally.unknown,
      m.tally.notApplicable,
      m.tally.ok,
      dateTimeCell(m.takenAt),
      m.changes === undefined ? L.newMachine : m.changes.join('; '),
      m.fingerprint,
    ]),
  );
}

function findingSheets(book: ExcelJS.Workbook, model: ReportModel): void {
  const { L } = model;
  addDataSheet(
    book,
    L.causes,
    [
      { head: L.no, width: 5, kind: 'int' },
      { head: L.cause, width: 34 },
      { head: L.status, width: 11 },
      { head: L.area, width: 14 },
      { head: L.count, width: 8, kind: 'int' },
      { head: L.onMachines, width: 30 },
      { head: L.affected, width: 34 },
      { head: L.fix, width: 48 },
    ],
    model.causes.map((c, i) => [
      i + 1,
      c.title,
      statusWord(L, c.status),
      areaWord(model, c.area),
      c.machines.length,
      c.machines.map((m) => m.hostname).join(', '),
      c.affected.map((a) => `${a.title} (${a.machines.join(', ')})`).join('; '),
      c.fix,
    ]),
  ).getColumn(5).header = model.lang === 'vi' ? 'Số máy' : 'Machines';
  addDataSheet(
    book,
    L.findings,
    [
      { head: L.machine, width: 18 },
      { head: L.area, width: 14 },
      { head: L.status, width: 22 },
      { head: L.check, width: 30 },
      { head: L.detail, width: 50 },
      { head: L.fix, width: 48 },
    ],
    model.findings.map((f) => [
      f.machine,
      areaWord(model, f.area),
      findingStatus(model, f),
      f.title,
      f.detail,
      f.fix,
    ]),
  );
}

function listSheets(book: ExcelJS.Workbook, model: ReportModel): void {
  const { L, visit, lang } = model;
  const hostOf = new Map(model.machines.map((m) => [m.fingerprint, m.hostname]));
  const host = (fp: string | undefined) => (fp === undefined ? '' : (hostOf.get(fp) ?? ''));
  addDataSheet(
    book,
    L.problems,
    [
      { head: L.no, width: 5, kind: 'int' },
      { head: L.area, width: 14 },
      { head: L.item, width: 70 },
      { head: L.machine, width: 18 },
    ],
    visit.problems.map((p, i) => [
      i + 1,
      PROBLEM_KIND_TERMS[p.kind][lang],
      p.text,
      host(p.machineFingerprint),
    ]),
  );
  const problemText = new Map(visit.problems.map((p) => [p.id, p.text]));
  addDataSheet(
    book,
    L.fixes,
    [
      { head: L.no, width: 5, kind: 'int' },
      { head: L.what, width: 40 },
      { head: L.how, width: 50 },
      { head: L.problems, width: 36 },
      { head: L.machine, width: 18 },
    ],
    visit.fixes.map((f, i) => [
      i + 1,
      f.what,
      f.how,
      f.problemId === undefined ? '' : (problemText.get(f.problemId) ?? ''),
      host(f.machineFingerprint),
    ]),
  );
  addDataSheet(
    book,
    L.openItems,
    [
      { head: L.no, width: 5, kind: 'int' },
      { head: L.item, width: 60 },
      { head: L.owner, width: 20 },
      { head: L.due, width: 13, kind: 'date' },
      { head: L.status, width: 10 },
      { head: L.carried, width: 14 },
    ],
    visit.openItems.map((o, i) => [
      i + 1,
      o.text,
      o.owner,
      dateCell(o.due),
      o.done ? L.done : L.open,
      o.carriedFrom === undefined ? '' : lang === 'vi' ? 'Có' : 'Yes',
    ]),
  );
  addDataSheet(
    book,
    L.people,
    [
      { head: L.category, width: 40 },
      { head: L.role, width: 12 },
      { head: L.task, width: 44 },
      { head: L.count, width: 10, kind: 'int' },
    ],
    visit.peopleHelped.map((p) => [
      HELPED_TERMS[p.category ?? 'other'][lang],
      ROLE_TERMS[p.role][lang],
      p.task,
      p.count,
    ]),
  );
}

function runSheet(book: ExcelJS.Workbook, model: ReportModel): void {
  const { L, visit, lang } = model;
  const rows = visit.checklists.flatMap((run, r) => {
    const summary = model.runs[r]!;
    return run.steps.map((step, i) => [
      summary.title,
      summary.machine,
      summary.status,
      dateTimeCell(run.startedAt),
      dateTimeCell(run.finishedAt),
      run.signOff === undefined ? '' : `${run.signOff.name}, ${run.signOff.position}`,
      i + 1,
      step.title[lang],
      L[`outcome_${step.outcome}`],
      [step.answer, step.note, step.overrideReason].filter(Boolean).join(' — '),
      (step.evidence ?? []).map((e) => e.name).join(', '),
    ]);
  });
  addDataSheet(
    book,
    L.checklists,
    [
      { head: L.checklist, width: 28 },
      { head: L.machine, width: 16 },
      { head: L.status, width: 12 },
      { head: L.started, width: 16, kind: 'datetime' },
      { head: L.finished, width: 16, kind: 'datetime' },
      { head: L.signedBy, width: 24 },
      { head: L.step, width: 6, kind: 'int' },
      { head: L.item, width: 36 },
      { head: L.outcome, width: 16 },
      { head: L.notes, width: 36 },
      { head: L.evidence, width: 20 },
    ],
    rows,
  );
}

function lanSheet(book: ExcelJS.Workbook, model: ReportModel): void {
  const { L, visit, lang } = model;
  const types = DEVICE_TYPE_TERMS as Record<string, { vi: string; en: string } | undefined>;
  addDataSheet(
    book,
    L.lanScans,
    [
      { head: 'IP', width: 15 },
      { head: 'MAC', width: 18 },
      { head: L.vendor, width: 20 },
      { head: L.hostname, width: 20 },
      { head: L.deviceType, width: 16 },
      { head: L.ports, width: 16 },
      { head: L.ranges, width: 18 },
      { head: L.scannedAt, width: 16, kind: 'datetime' },
    ],
    visit.scans.flatMap((scan) =>
      scan.hosts.map((h) => [
        h.ip,
        h.mac,
        h.vendor,
        h.hostname,
        (types[h.deviceType] ?? DEVICE_TYPE_TERMS.unknown)[lang],
        h.openPorts.join(', '),
        scan.ranges.join(', '),
        dateTimeCell(scan.startedAt),
      ]),
    ),
  );
}

/** Renders the workbook as bytes. */
export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const book = new (await loadExcelJs()).Workbook();
  book.creator = 'Xã Số';
  book.title = `${model.L.title} — ${model.visit.commune.name}`;
  visitSheet(book, model);
  machinesSheet(book, model);
  findingSheets(book, model);
  listSheets(book, model);
  runSheet(book, model);
  lanSheet(book, model);
  return Buffer.from(await book.xlsx.writeBuffer());
}
