/**
 * CSV of machines, findings and open items in one table (a `section` column says which), UTF-8
 * with a BOM and CRLF so Excel on Windows opens the diacritics right. Every cell is quoted and
 * formula injection is neutralised.
 */
import { spreadsheetText } from './text-safety.js';
import { AREA_TERMS, CLASS_TERMS } from '../vocabulary.js';
import { statusWord, type Finding, type ReportModel } from './model.js';

function cell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : spreadsheetText(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** A finding's status word: the check's own, or "affected" for one that only followed its cause. */
export function findingStatus(model: ReportModel, f: Finding): string {
  if (f.causedBy !== undefined) return `${CLASS_TERMS.affected[model.lang]} (${f.causedBy})`;
  return statusWord(model.L, f.status);
}

/** An area's word (`hardware` → "Phần cứng"). */
export function areaWord(model: ReportModel, area: string): string {
  return (
    (AREA_TERMS as Record<string, { vi: string; en: string } | undefined>)[area]?.[model.lang] ??
    area
  );
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
      `${m.tally.fail} ${L.status_fail.toLocaleLowerCase(model.lang)}, ${m.tally.warn} ${L.status_warn.toLocaleLowerCase(model.lang)}, ${m.tally.ok} ${L.status_ok}`,
      '',
    ]);
  }
  for (const f of model.findings) {
    const fp = model.machines.find((m) => m.hostname === f.machine)?.fingerprint ?? '';
    rows.push([L.findings, f.machine, fp, f.title, findingStatus(model, f), f.detail, f.fix]);
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
