/**
 * Channels of the supervisor's inbox (import, list, aggregate, export) and of the signing keys
 * (export this installation's public key, trust an intern's key). No Node modules here.
 */
import { z } from 'zod';

import { channel } from '../define.js';
import type { Aggregate, ImportVerdict, InboxEntry, TrustedKey } from './types.js';

const groupBy = z.enum(['province', 'commune', 'intern', 'month', 'quarter', 'year']);
const filter = {
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  province: z.string().max(200).optional(),
  trustedOnly: z.boolean().default(false),
};

/** Result of an import: one verdict per file, and counts per status. */
export type ImportResult = Readonly<{
  verdicts: ImportVerdict[];
  counts: Readonly<Record<ImportVerdict['status'], number>>;
}>;

/** Result of `inbox:import-summary`: the import, the totals after it, and the XLSX written. */
export type ImportSummary = ImportResult &
  Readonly<{ aggregate: Aggregate; xlsx?: Readonly<{ file: string; bytes: number }> }>;

export type {
  Aggregate,
  AggregateRow,
  ActionItem,
  GroupBy,
  ImportVerdict,
  InboxEntry,
  TrustedKey,
} from './types.js';

export const inboxContract = {
  'inbox:import': channel<ImportResult>()({
    request: z
      .object({
        /** Files or folders (their `.json` files) on this computer. */
        paths: z.array(z.string().min(1).max(4096)).max(100_000).default([]),
        /** File contents sent by the UI's file picker. */
        uploads: z
          .array(
            z
              .object({ name: z.string().max(500), text: z.string().max(50 * 1024 * 1024) })
              .strict(),
          )
          .max(5000)
          .default([]),
        trustOnFirstUse: z.boolean().default(false),
      })
      .strict(),
    streams: true,
    summary: {
      vi: 'Nhập báo cáo của sinh viên, kiểm tra mã băm và chữ ký từng tệp',
      en: 'Import interns’ reports, checking each digest and signature',
    },
  }),
  'inbox:import-summary': channel<ImportSummary>()({
    request: z
      .object({
        /** Files or folders (their `.json` files) on this computer. */
        paths: z.array(z.string().min(1).max(4096)).min(1).max(100_000),
        trustOnFirstUse: z.boolean().default(false),
        groupBy: groupBy.default('province'),
        /** CLI and tests only: also write the totals to this XLSX file. */
        xlsxOut: z.string().min(1).max(4096).optional(),
        /** Replace an existing file (`--force`; the UI asks first). */
        overwrite: z.boolean().default(false),
        lang: z.enum(['vi', 'en']).default('vi'),
      })
      .strict(),
    streams: true,
    summary: {
      vi: 'Nhập báo cáo, rồi tổng hợp (và xuất XLSX) trong một lần',
      en: 'Import reports, then total them (and export XLSX) in one go',
    },
  }),
  'inbox:list': channel<InboxEntry[]>()({
    request: z.object({}).strict(),
    summary: { vi: 'Các chuyến công tác trong hộp thư', en: 'Visits in the inbox' },
  }),
  'inbox:aggregate': channel<Aggregate>()({
    request: z.object({ groupBy: groupBy.default('province'), ...filter }).strict(),
    summary: {
      vi: 'Tổng hợp theo tỉnh, xã, sinh viên hoặc kỳ',
      en: 'Totals per province, commune, intern or period',
    },
  }),
  'inbox:export-aggregate': channel<{ file?: string; bytes: number; contentBase64?: string }>()({
    request: z
      .object({
        groupBy: groupBy.default('province'),
        ...filter,
        out: z.string().min(1).max(4096).optional(),
        /** Replace an existing file (`--force`; the UI asks first). */
        overwrite: z.boolean().default(false),
        inline: z.boolean().default(false),
        lang: z.enum(['vi', 'en']).default('vi'),
      })
      .strict(),
    summary: { vi: 'Xuất bảng tổng hợp ra XLSX', en: 'Export the totals to XLSX' },
  }),
  'inbox:report': channel<{
    fileName: string;
    mime: string;
    bytes: number;
    file?: string;
    contentBase64?: string;
  }>()({
    request: z
      .object({
        visitId: z.string().min(1).max(64),
        format: z.enum(['pdf', 'docx', 'xlsx', 'csv', 'json', 'html', 'text']),
        out: z.string().min(1).max(4096).optional(),
        /** Replace an existing file (`--force`; the UI asks first). */
        overwrite: z.boolean().default(false),
        inline: z.boolean().default(false),
        lang: z.enum(['vi', 'en']).default('vi'),
      })
      .strict(),
    summary: {
      vi: 'Xuất lại báo cáo của một chuyến trong hộp thư (kiểm tra lại chữ ký)',
      en: 'Export the report of a visit in the inbox (signature checked again)',
    },
  }),
  'keys:export-public': channel<{ keyId: string; file?: string; text: string }>()({
    request: z
      .object({
        out: z.string().min(1).max(4096).optional(),
        /** Replace an existing file (`--force`; the UI asks first). */
        overwrite: z.boolean().default(false),
        label: z.string().max(300).default(''),
      })
      .strict(),
    summary: {
      vi: 'Xuất khoá công khai của máy này (gửi cho người giám sát)',
      en: "Export this installation's public key (for the supervisor)",
    },
  }),
  'keys:trust': channel<TrustedKey>()({
    request: z
      .object({
        file: z.string().min(1).max(4096).optional(),
        text: z.string().max(10_000).optional(),
        label: z.string().max(300).optional(),
      })
      .strict()
      .refine((r) => (r.file === undefined) !== (r.text === undefined), {
        message: 'give exactly one of file or text',
      }),
    summary: {
      vi: 'Tin cậy khoá công khai của một sinh viên (từ tệp khoá)',
      en: "Trust an intern's public key (from the key file)",
    },
  }),
  'keys:list': channel<{ own: { keyId: string }; trusted: TrustedKey[] }>()({
    request: z.object({}).strict(),
    summary: {
      vi: 'Khoá của máy này và các khoá đã tin cậy',
      en: 'This installation’s key and the trusted keys',
    },
  }),
  'keys:untrust': channel<{ removed: boolean }>()({
    request: z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
    summary: { vi: 'Bỏ tin cậy một khoá', en: 'Stop trusting a key' },
  }),
};
