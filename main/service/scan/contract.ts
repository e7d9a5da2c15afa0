import { z } from 'zod';

import type { ScanResult } from '../../../diagnostics/scan/types.js';
import { channel } from '../define.js';

/** `data` of a `scan:run` progress event (`event: 'progress'`): addresses tried, hosts seen so far. */
export type ScanProgressData = Readonly<{ done: number; total: number; found: number }>;

/** The `scan:*` channel: LAN discovery (streams progress, cancellable, confirmation above /22). */
export const scanContract = {
  'scan:run': channel<ScanResult>()({
    request: z
      .object({
        /** e.g. `192.168.1.0/24`; default: the ranges of this machine's own interfaces. */
        cidr: z.string().min(1).max(40).optional(),
        /** Required for ranges larger than a /22 (1024 addresses). */
        confirmLarge: z.boolean().optional(),
        /** System ping: `auto` (off-link ranges only), `always`, `never`. */
        icmp: z.enum(['auto', 'always', 'never']).optional(),
        /** Ask reverse DNS for names (default true). */
        reverseDns: z.boolean().optional(),
        /** Ask NetBIOS node status (UDP 137) for Windows PC names (default true). */
        netbios: z.boolean().optional(),
        /** DNS servers for the reverse lookups instead of the system's. */
        dnsServers: z
          .array(
            z
              .string()
              .regex(/^[0-9.:a-fA-F]+$/)
              .max(45),
          )
          .max(5)
          .optional(),
      })
      .strict(),
    streams: true,
    summary: {
      vi: 'Quét mạng LAN tìm mọi thiết bị (máy in, bộ định tuyến, máy tính, camera)',
      en: 'Scan the LAN for every device (printers, routers, PCs, cameras)',
    },
  }),
};
