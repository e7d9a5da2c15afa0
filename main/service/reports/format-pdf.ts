/**
 * The printable PDF (pdfkit in plain Node, so it works in the CLI on a PC without Chromium): the
 * visit's minutes laid out per NĐ 30/2020 (`document.ts`, `nd30-pdf.ts`), with Tinos embedded so
 * every Vietnamese letter is exact and extractable.
 */
import { visitDocument } from './document.js';
import type { ReportModel } from './model.js';
import { renderOfficialPdf } from './nd30-pdf.js';

/** Renders the PDF as bytes. */
export function renderPdf(model: ReportModel): Promise<Buffer> {
  return renderOfficialPdf(visitDocument(model));
}
