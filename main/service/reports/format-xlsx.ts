/**
 * XLSX workbook (exceljs): an overview sheet, machines, findings and open items. Every text
 * cell goes through `spreadsheetText` (formula injection neutralised); cells are written as
 * values, never as formulas.
 */
import type ExcelJS from 'exceljs';

import { loadExcelJs } from './lazy-libs.js';

import { statusWord, type ReportModel } from './model.js';
import { spreadsheetText as s } from './text-safety.js';

type Row = Array<string | number>;

/** Adds a sheet with a bold, frozen header row and sensible column widths. */
export function addSheet(
  book: ExcelJS.Workbook,
  name: string,
  head: readonly string[],
  rows: readonly Row[],
  widths: readonly number[],
): void {
  const sheet = book.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = head.map((header, i) => ({ header: s(header), width: widths[i] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'number' ? v : s(v))));
}

/** Renders the workbook as bytes. */
export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const { L, visit } = model;
  const sheets =
    model.lang === 'vi'
      ? ['Tóm tắt', 'Máy', 'Phát hiện', 'Việc còn tồn']
      : ['Summary', 'Machines', 'Findings', 'Open items'];
  const book = new (await loadExcelJs()).Workbook();
  book.creator = 'Xã Số';
  addSheet(
    book,
    sheets[0]!,
    [L.item, L.detail],
    [
      [L.commune, visit.commune.name],
      [L.province, visit.commune.province],
      [L.office, visit.office],
      [L.date, visit.onSite.date],
      [L.time, model.time],
      [L.interns, model.interns.join(', ')],
      [L.contact, model.contact],
      [L.machines, model.totals.machines],
      [L.status_fail, model.totals.fail],
      [L.status_warn, model.totals.warn],
      [L.status_unknown, model.totals.unknown],
      [L.fixes, model.totals.fixes],
      [L.openItems, model.totals.open],
      [L.people, model.totals.people],
    ],
    [28, 60],
  );
  addSheet(
    book,
    sheets[1]!,
    [
      L.hostname,
      L.fingerprint,
      L.model,
      L.os,
      L.result,
      L.status_fail,
      L.status_warn,
      L.status_unknown,
      L.status_ok,
      L.changes,
    ],
    model.machines.map((m) => [
      m.hostname,
      m.fingerprint,
      m.model,
      m.os,
      statusWord(L, m.verdict),
      m.counts.fail,
      m.counts.warn,
      m.counts.unknown,
      m.counts.ok,
      m.changes === undefined ? L.newMachine : m.changes.join('; '),
    ]),
    [20, 18, 24, 28, 12, 8, 8, 8, 8, 50],
  );
  addSheet(
    book,
    sheets[2]!,
    [L.machine, L.area, L.status, L.check, L.detail, L.fix],
    model.findings.map((f) => [
      f.machine,
      f.area,
      statusWord(L, f.status),
      f.title,
      f.detail,
      f.fix,
    ]),
    [20, 12, 12, 30, 50, 50],
  );
  addSheet(
    book,
    sheets[3]!,
    [L.item, L.status, L.owner, ''],
    visit.openItems.map((i) => [
      i.text,
      i.done ? L.done : L.open,
      i.owner ?? '',
      i.carriedFrom ? L.carried : '',
    ]),
    [60, 12, 20, 16],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
