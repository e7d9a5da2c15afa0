/**
 * The channel of the security-by-level dossier: build it from one or more visits of one office
 * and write it (DOCX, the inventory XLSX, the diagram SVG, or the model as JSON). No Node modules.
 */
import { z } from 'zod';

import { channel } from '../define.js';
import { visitRefSchema } from '../visits/contract.js';
import { REGIMES } from './types.js';

/** The outputs of `dossier:export`. */
export const DOSSIER_FORMATS = ['docx', 'xlsx', 'svg', 'json'] as const;
export type DossierFormat = (typeof DOSSIER_FORMATS)[number];

/** What the export produced, and the dossier's counts for the verdict line. */
export type DossierExportResult = Readonly<{
  format: DossierFormat;
  /** Where the file was written (absent for inline-only exports). */
  file?: string;
  fileName: string;
  mime: string;
  bytes: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  /** The bytes, base64, when `inline` was asked. */
  contentBase64?: string;
  counts: Readonly<{
    assets: number;
    unidentified: number;
    risks: number;
    notMet: number;
    notMeasured: number;
  }>;
}>;

export const dossierContract = {
  'dossier:export': channel<DossierExportResult>()({
    request: z
      .object({
        /** The visits of one office (1–20); the newest state of each device wins. */
        refs: z.array(visitRefSchema).min(1).max(20),
        regime: z.enum(REGIMES),
        format: z.enum(DOSSIER_FORMATS).default('docx'),
        /** Output file; default `<dataDir>/exports/ho-so-cap-do-<commune>-<date>.<ext>`. */
        out: z.string().min(1).max(4096).optional(),
        /** Replace an existing file (otherwise an existing file is a conflict, never overwritten). */
        force: z.boolean().default(false),
        /** Also return the bytes; with `out` absent, nothing is written. */
        inline: z.boolean().default(false),
      })
      .strict(),
    summary: {
      vi: 'Lập hồ sơ đề xuất cấp độ an toàn (danh mục tài sản, sơ đồ mạng, rủi ro, phương án) từ các chuyến công tác',
      en: 'Draft the security-by-level dossier (inventory, network diagram, risks, plan) from visits',
    },
  }),
};
