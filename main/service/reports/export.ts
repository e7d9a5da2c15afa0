/**
 * One entry point for every export format: builds the report model once and renders it.
 */
import type { Lang } from '../define.js';
import type { InstallationKey } from '../inbox/keys.js';
import type { Visit } from '../visits/schema.js';
import { renderCsv } from './format-csv.js';
import { renderHtml } from './format-html.js';
import { renderText } from './format-text.js';
import { buildReportModel } from './model.js';
import { signVisit } from './signed-json.js';

/** Every export format. */
export const REPORT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json', 'html', 'text'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** File extension and media type of each format. */
export const FORMAT_INFO: Readonly<Record<ReportFormat, { ext: string; mime: string }>> = {
  pdf: { ext: 'pdf', mime: 'application/pdf' },
  docx: {
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8' },
  json: { ext: 'json', mime: 'application/json' },
  html: { ext: 'html', mime: 'text/html;charset=utf-8' },
  text: { ext: 'txt', mime: 'text/plain;charset=utf-8' },
};

/** What an export needs besides the visit. */
export type ExportContext = Readonly<{
  lang: Lang;
  /** Only the JSON export signs; the key is fetched lazily. */
  key: () => Promise<InstallationKey>;
  appVersion: string;
  now: () => Date;
}>;

/** Renders a visit in one format, as bytes. */
export async function renderVisit(
  visit: Visit,
  format: ReportFormat,
  ctx: ExportContext,
): Promise<Buffer> {
  if (format === 'json') {
    const envelope = signVisit(visit, await ctx.key(), {
      exportedAt: ctx.now().toISOString(),
      appVersion: ctx.appVersion,
    });
    return Buffer.from(`${JSON.stringify(envelope, null, 1)}\n`, 'utf8');
  }
  const model = buildReportModel(visit, ctx.lang);
  switch (format) {
    // PDF, DOCX and XLSX writers (pdfkit, docx, exceljs) load on first use: see lazy-libs.ts.
    case 'pdf':
      return (await import('./format-pdf.js')).renderPdf(model);
    case 'docx':
      return (await import('./format-docx.js')).renderDocx(model);
    case 'xlsx':
      return (await import('./format-xlsx.js')).renderXlsx(model);
    case 'csv':
      return Buffer.from(renderCsv(model), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(model), 'utf8');
    case 'text':
      return Buffer.from(renderText(model), 'utf8');
    default:
      return assertNever(format);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown format: ${String(value)}`);
}

/** A file name for an export: commune, date, format (ASCII-safe, no path separators). */
export function exportFileName(visit: Visit, format: ReportFormat): string {
  const base =
    `${visit.commune.name}-${visit.onSite.date}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'visit';
  return `${base}.${FORMAT_INFO[format].ext}`;
}
