/**
 * Channels of the exports: render a visit to a file (or inline for a browser download), and
 * the Zalo summary preview. No Node modules here.
 */
import { z } from 'zod';

import { channel } from '../define.js';
import { visitRefSchema } from '../visits/contract.js';

const formats = ['pdf', 'docx', 'xlsx', 'csv', 'json', 'html', 'text'] as const;

/** Where an export goes, the same for every export channel (visits, inbox, desk). */
export const exportTarget = {
  /** Output file. */
  out: z.string().min(1).max(4096).optional(),
  /** Replace an existing file (`--force`; the UI asks first). */
  overwrite: z.boolean().default(false),
  /** Also return the bytes (for a download in the UI); with `out` absent, nothing is written. */
  inline: z.boolean().default(false),
  lang: z.enum(['vi', 'en']).default('vi'),
};

/** What an export produced. */
export type ExportResult = Readonly<{
  format: (typeof formats)[number];
  /** Where the file was written (absent for inline-only exports). */
  file?: string;
  fileName: string;
  mime: string;
  bytes: number;
  /** SHA-256 of the exported bytes, hex. */
  sha256: string;
  /** The bytes, base64, when `inline` was asked (the UI offers them as a download). */
  contentBase64?: string;
}>;

export const reportsContract = {
  'reports:export': channel<ExportResult>()({
    request: z
      .object({
        ref: visitRefSchema,
        format: z.enum(formats),
        /** `out` defaults to `<dataDir>/exports/<commune>-<date>.<ext>`. */
        ...exportTarget,
      })
      .strict(),
    summary: {
      vi: 'Xuất báo cáo chuyến công tác (biên bản PDF, DOCX; XLSX, CSV, tệp báo cáo có niêm phong JSON, HTML, văn bản)',
      en: 'Export a visit report (minutes as PDF, DOCX; XLSX, CSV, sealed report file JSON, HTML, text)',
    },
  }),
  'reports:preview-summary': channel<{ text: string }>()({
    request: z.object({ ref: visitRefSchema, lang: z.enum(['vi', 'en']).default('vi') }).strict(),
    summary: { vi: 'Tóm tắt ngắn để dán vào nhóm Zalo', en: 'Short summary for the Zalo group' },
  }),
};
