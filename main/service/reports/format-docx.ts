/**
 * The minutes as DOCX (`docx`), the same document as the PDF (`document.ts`, `nd30-docx.ts`):
 * the office can still edit it, print it, sign and stamp it. In the model's language.
 */
import { visitDocument } from './document.js';
import type { ReportModel } from './model.js';
import { renderOfficialDocx } from './nd30-docx.js';

/** Renders the DOCX bytes. */
export function renderDocx(model: ReportModel): Promise<Buffer> {
  return renderOfficialDocx(visitDocument(model));
}
