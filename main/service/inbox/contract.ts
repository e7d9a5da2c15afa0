/**
 * Channels of the supervisor's inbox (import, list, aggregate, export) and of the signing keys
 * (export this installation's public key, trust an intern's key). No Node modules here.
 */
import { z } from 'zod';

import { channel } from '../define.js';
import { exportTarget } from '../reports/contract.js';
import type { Visit } from '../visits/schema.js';
import type {
  Aggregate,
  Conflict,
  Desk,
  EnrolledKey,
  ImportLogEntry,
  ImportStatus,
  ImportVerdict,
  InboxEntry,
  InboxListItem,
} from './types.js';

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
  commune: z.string().max(200).optional(),
  intern: z.string().max(300).optional(),
  trustedOnly: z.boolean().default(false),
};

/** The most visits one `inbox:list` answer holds. */
export const LIST_PAGE_MAX = 1000;

/** A page of the inbox's list: `total` visits in the inbox (or of the ids asked), these `items`. */
export type InboxPage = Readonly<{ total: number; offset: number; items: InboxListItem[] }>;

/** Result of an import: one verdict per file, and counts per status. */
export type ImportResult = Readonly<{
  verdicts: ImportVerdict[];
  counts: Readonly<Record<ImportStatus, number>>;
}>;

/** Result of `inbox:import-summary`: the import, the totals after it, and the XLSX written. */
export type ImportSummary = ImportResult &
  Readonly<{ aggregate: Aggregate; xlsx?: Readonly<{ file: string; bytes: number }> }>;

export type * from './types.js';

/** An enrolled key with its fingerprint as read out. */
export type KeysList = Readonly<{
  own: Readonly<{ keyId: string; fingerprint: string; qrText: string }>;
  enrolled: readonly (EnrolledKey & { fingerprint: string })[];
}>;

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
      })
      .strict(),
    streams: true,
    summary: {
      vi: 'Nhập báo cáo của sinh viên, kiểm tra mã băm và niêm phong từng tệp',
      en: 'Import interns’ reports, checking each digest and signature',
    },
  }),
  'inbox:import-summary': channel<ImportSummary>()({
    request: z
      .object({
        /** Files or folders (their `.json` files) on this computer. */
        paths: z.array(z.string().min(1).max(4096)).min(1).max(100_000),
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
  'inbox:list': channel<InboxPage>()({
    request: z
      .object({
        /** Only these visits (the ones behind a figure of the desk), in this order. */
        ids: z.array(z.string().min(1).max(64)).max(LIST_PAGE_MAX).optional(),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(LIST_PAGE_MAX).default(100),
      })
      .strict(),
    summary: {
      vi: 'Các chuyến công tác trong hộp thư, mới nhất trước, từng trang',
      en: 'Visits in the inbox, newest first, a page at a time',
    },
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
        ...exportTarget,
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
        ...exportTarget,
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
  'keys:enrol': channel<EnrolledKey>()({
    request: z
      .object({
        /** The intern's name, as the supervisor writes it (never read from the key file). */
        name: z.string().trim().min(1).max(300),
        /** A public key file (`keys:export-public`): its path, or its text. */
        file: z.string().min(1).max(4096).optional(),
        text: z.string().max(10_000).optional(),
        /** The short fingerprint read out by the intern (16 hex digits, spaces allowed). */
        fingerprint: z.string().max(64).optional(),
        /** The text of the QR code shown by the intern's app. */
        qr: z.string().max(1000).optional(),
      })
      .strict()
      .refine(
        (r) => [r.file, r.text, r.fingerprint, r.qr].filter((v) => v !== undefined).length === 1,
        { message: 'give exactly one of file, text, fingerprint or qr' },
      ),
    summary: {
      vi: 'Đăng ký trước khoá của một sinh viên (tệp khoá, dấu vân tay hoặc mã QR), tên do người hướng dẫn đặt',
      en: "Enrol an intern's key ahead (key file, fingerprint or QR code), named by the supervisor",
    },
  }),
  'keys:list': channel<KeysList>()({
    request: z.object({}).strict(),
    summary: {
      vi: 'Khoá niêm phong của máy này và các khoá đã đăng ký',
      en: 'This installation’s sealing key and the enrolled keys',
    },
  }),
  'keys:untrust': channel<{ removed: boolean }>()({
    request: z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
    summary: { vi: 'Bỏ đăng ký một khoá', en: 'Remove an enrolled key' },
  }),
  'inbox:desk': channel<Desk>()({
    request: z
      .object({
        ...filter,
        staleDays: z.number().int().min(1).max(365).default(14),
        /** false: each figure without the ids behind it, with a `ref` for `inbox:drill`. */
        ids: z.boolean().default(true),
      })
      .strict(),
    summary: {
      vi: 'Bàn làm việc của người hướng dẫn: các chỉ số, biểu đồ và danh sách',
      en: "The supervisor's desk: indicators, charts and lists",
    },
  }),
  'inbox:drill': channel<{ visits: readonly string[] }>()({
    request: z
      .object({
        ...filter,
        staleDays: z.number().int().min(1).max(365).default(14),
        ref: z.string().min(2).max(2000),
      })
      .strict(),
    summary: {
      vi: 'Các chuyến công tác đứng sau một con số của bàn làm việc',
      en: 'The visits behind a figure of the desk',
    },
  }),
  'inbox:visit': channel<{ visit: Visit; entry: InboxEntry }>()({
    request: z.object({ visitId: z.string().min(1).max(64) }).strict(),
    summary: {
      vi: 'Mở một chuyến trong hộp thư để xem (chỉ đọc, niêm phong kiểm tra lại)',
      en: 'Open a visit of the inbox to read (read-only, seal checked again)',
    },
  }),
  'inbox:conflicts': channel<Conflict[]>()({
    request: z.object({}).strict(),
    summary: {
      vi: 'Các tệp bị giữ riêng vì trùng chuyến công tác với khoá khác',
      en: 'Files held apart: same visit under another key',
    },
  }),
  'inbox:resolve-conflict': channel<{ kept: 'existing' | 'incoming' }>()({
    request: z
      .object({ id: z.number().int().min(1), keep: z.enum(['existing', 'incoming']) })
      .strict(),
    summary: {
      vi: 'Người hướng dẫn chọn giữ bản đang có hoặc bản bị giữ riêng',
      en: 'The supervisor keeps the visit in the inbox or the file held apart',
    },
  }),
  'inbox:log': channel<ImportLogEntry[]>()({
    request: z.object({ limit: z.number().int().min(1).max(10_000).default(200) }).strict(),
    summary: { vi: 'Nhật ký nhập tệp', en: 'Import log' },
  }),
  'inbox:communes': channel<{ communes: { name: string; province: string }[] }>()({
    request: z
      .object({
        /** When given, replaces the programme's list of communes. */
        set: z
          .array(
            z
              .object({
                name: z.string().trim().min(1).max(200),
                province: z.string().max(200).default(''),
              })
              .strict(),
          )
          .max(2000)
          .optional(),
      })
      .strict(),
    summary: {
      vi: 'Danh sách xã, phường của chương trình (để biết xã nào chưa có chuyến)',
      en: "The programme's communes (to see which have no visit)",
    },
  }),
  'inbox:rebuild': channel<ImportResult>()({
    request: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) }).strict(),
    streams: true,
    summary: {
      vi: 'Dựng lại cơ sở dữ liệu hộp thư từ các tệp báo cáo (khoá đã đăng ký được giữ)',
      en: 'Rebuild the inbox database from the report files (enrolled keys are kept)',
    },
  }),
  'inbox:export-desk': channel<{ file?: string; bytes: number; contentBase64?: string }>()({
    request: z
      .object({
        ...filter,
        format: z.enum(['xlsx', 'pdf']),
        ...exportTarget,
      })
      .strict(),
    summary: {
      vi: 'Xuất cả bàn làm việc ra XLSX, hoặc bản tóm tắt PDF gửi tỉnh',
      en: 'Export the whole desk as XLSX, or a PDF summary for the province',
    },
  }),
};
