/**
 * CSV of machines, findings and open items in one table (a `section` column says which), UTF-8
 * with a BOM and CRLF so Excel on Windows opens the diacritics right. Every cell is quoted and
 * formula injection is neutralised.
 */
import { spreadsheetText } from './text-safety.js';
import { statusWord, type ReportModel } from './model.js';

function cell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : spreadsheetText(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** The rows (header first) shared by CSV and the XLSX "all" view. */
export function tableRows(model: ReportModel): Array<Array<string | number>> {
  const { L } = model;
  const rows: Array<Array<string | number>> = [
    [L.section, L.machine, L.fingerprint, L.item, L.status, L.detail, L.fix],
  ];
  for (const m of model.machines) {
    rows.push([
      L.machine,
      m.hostname,
      m.fingerprint,
      `${m.model} ${m.os}`.trim(),
      statusWord(L, m.verdict),
      `${m.counts.fail}/${m.counts.warn}/${m.counts.unknown}/${m.counts.ok}`,
      '',
    ]);
  }
  for (const f of model.findings) {
    const fp = model.machines.find((m) => m.hostname === f.machine)?.fingerprint ?? '';
    rows.push([L.findings, f.machine, fp, f.title, statusWord(L, f.status), f.detail, f.fix]);
  }
  for (const item of model.visit.openItems) {
    rows.push([
      L.openItems,
      '',
      '',
      item.text,
      item.done ? L.done : L.open,
      item.owner ?? '',
      item.carriedFrom ? L.carried : '',
    ]);
  }
  return rows;
}

/** Renders the CSV text. */
export function renderCsv(model: ReportModel): string {
  return `\uFEFF${tableRows(model)
    .map((row) => row.map(cell).join(','))
    .join('\r\n')}\r\n`;
}
