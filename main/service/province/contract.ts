import { z } from 'zod';

import type { Endpoint } from '../../../diagnostics/network/types.js';
import { channel } from '../define.js';
import type { ProvincePack } from './schema.js';

/** The imported province pack as the app shows it. */
export type ProvinceView = Readonly<{
  pack: ProvincePack;
  /** The publisher's key id (first 16 hex of SHA-256 of its public key). */
  keyId: string;
  publishedAt: string;
  /** The endpoints the network check uses in place of the provincial placeholder. */
  endpoints: readonly Endpoint[];
}>;

/** What `province:import` did. */
export type ProvinceImport = Readonly<{
  /** `new`: no pack before; `update`: same province, same publisher; `replaced`: another province or publisher. */
  action: 'new' | 'update' | 'replaced';
  previous?: Readonly<{ province: string; keyId: string; publishedAt: string }>;
  province: ProvinceView;
}>;

const fileName = z.string().min(1).max(300);

export const provinceContract = {
  'province:import': channel<ProvinceImport>()({
    request: z.union([
      z
        .object({
          fileName,
          text: z
            .string()
            .min(1)
            .max(1024 * 1024),
          replacePublisher: z.boolean().default(false),
        })
        .strict(),
      /** A file on this computer (command line and tests only). */
      z
        .object({ path: z.string().min(1).max(4096), replacePublisher: z.boolean().default(false) })
        .strict(),
    ]),
    summary: {
      vi: 'Nhập gói dữ liệu tỉnh (kiểm tra chữ ký của đơn vị phát hành)',
      en: "Import a province pack (checks the publisher's signature)",
    },
  }),
  'province:get': channel<{ province: ProvinceView | null }>()({
    request: z.object({}).strict(),
    summary: { vi: 'Gói dữ liệu tỉnh đang dùng', en: 'The province pack in use' },
  }),
};
