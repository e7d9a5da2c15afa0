import { z } from 'zod';

import type {
  PrinterInfo,
  RepairReport,
  TestPageResult,
} from '../../../diagnostics/printers/types.js';
import { channel } from '../define.js';

const name = z.string().min(1).max(200);

/** The `printers:*` channels; the two repairs need `confirm: true` and return what was done. */
export const printersContract = {
  'printers:list': channel<readonly PrinterInfo[]>()({
    request: z
      .object({
        /** Also ask network printers directly (IPP, TCP); default true. */ direct: z
          .boolean()
          .optional(),
      })
      .strict(),
    summary: {
      vi: 'Các máy in đã cài, trạng thái và lệnh in đang chờ',
      en: 'Installed printers, their state and waiting jobs',
    },
  }),
  'printers:status': channel<PrinterInfo>()({
    request: z
      .object({
        /** `ipp://host[:port]/path`; or give `host` (then `ipp://host:631/ipp/print`). */
        uri: z
          .string()
          .regex(/^ipps?:\/\/\S+$/)
          .max(500)
          .optional(),
        host: z
          .string()
          .regex(/^[A-Za-z0-9.:-]+$/)
          .max(253)
          .optional(),
        /** SNMP, tried when the printer has no IPP: UDP port (default 161) and community (default `public`). */
        snmp: z
          .object({
            port: z.number().int().min(1).max(65535).optional(),
            community: z.string().min(1).max(64).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .refine((r) => r.uri !== undefined || r.host !== undefined, {
        message: 'uri or host is required',
      }),
    summary: {
      vi: 'Hỏi trực tiếp máy in mạng (IPP, hoặc SNMP nếu không có IPP): trạng thái, mực, giấy',
      en: 'Ask a network printer (IPP, or SNMP without IPP): state, toner, paper',
    },
  }),
  'printers:test-page': channel<TestPageResult>()({
    request: z
      .object({ name, timeoutMs: z.number().int().min(1000).max(300_000).optional() })
      .strict(),
    streams: true,
    summary: {
      vi: 'In trang thử và theo dõi đến khi in xong',
      en: 'Print a test page and follow it to completion',
    },
  }),
  'printers:clear-queue': channel<RepairReport>()({
    request: z.object({ name, confirm: z.literal(true) }).strict(),
    summary: {
      vi: 'Xoá mọi lệnh in bị kẹt của một máy in (cần xác nhận)',
      en: 'Clear every stuck job of a printer (needs confirmation)',
    },
  }),
  'printers:restart-spooler': channel<RepairReport>()({
    request: z.object({ confirm: z.literal(true) }).strict(),
    summary: {
      vi: 'Khởi động lại dịch vụ in (cần xác nhận)',
      en: 'Restart the print spooler (needs confirmation)',
    },
  }),
};
