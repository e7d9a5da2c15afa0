import { z } from 'zod';

import type {
  EndpointResult,
  LadderResult,
  LatencyResult,
  NetworkConfig,
  Rung,
} from '../../../diagnostics/network/types.js';
import { channel } from '../define.js';

/** `data` of `network:check` progress events: `event` is `rung` or `endpoint`. */
export type NetworkProgressData = Readonly<{ rung?: Rung; endpoint?: EndpointResult }>;

/** Text in both languages. */
const text = z.object({ vi: z.string().min(1).max(200), en: z.string().min(1).max(200) }).strict();

/** An endpoint as a request may carry it (same shape as `diagnostics/data/endpoints.json`). */
export const endpointSchema = z
  .object({
    id: z.string().min(1).max(60),
    name: text,
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/)
      .max(500),
    kind: z.enum(['portal', 'identity', 'ca', 'tsa', 'ocsp', 'other']),
    okStatuses: z.array(z.number().int().min(100).max(599)).max(20).optional(),
    placeholder: z.boolean().optional(),
  })
  .strict();

const host = z
  .string()
  .min(1)
  .max(253)
  // No leading '-': a host is never read as an option of ping or nslookup.
  .regex(/^[A-Za-z0-9.:][A-Za-z0-9.:-]*$/);

const endpoints = z.array(endpointSchema).max(50);
const connectivity = z
  .object({
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/)
      .max(500),
    expectBody: z.string().max(500),
  })
  .strict();

/** What an `endpointsFile` holds (as `diagnostics/data/endpoints.json`; other keys are ignored). */
export const endpointsFileSchema = z.object({
  endpoints: endpoints.optional(),
  connectivity: connectivity.optional(),
});

/** The `network:*` channels: the reachability ladder, the adapters, latency. */
export const networkContract = {
  'network:check': channel<LadderResult>()({
    request: z
      .object({
        /** Endpoints to check instead of the configured list. */
        endpoints: endpoints.optional(),
        /** The internet/captive-portal probe instead of the configured one. */
        connectivity: connectivity.optional(),
        /** CLI and tests only: a JSON file `{ endpoints, connectivity? }` read by the service. */
        endpointsFile: z.string().min(1).max(4096).optional(),
        /** Ask these DNS servers instead of the system's. */
        dnsServers: z.array(host).max(5).optional(),
        /** Extra trusted CA certificates (PEM). */
        ca: z.array(z.string().max(20_000)).max(10).optional(),
        /** CLI and tests only: PEM files read by the service and added to `ca`. */
        caFiles: z.array(z.string().min(1).max(4096)).max(10).optional(),
        timeoutMs: z.number().int().min(500).max(60_000).optional(),
      })
      .strict(),
    streams: true,
    summary: {
      vi: 'Kiểm tra mạng từng bước: kết nối → gateway → DNS → Internet → trang dịch vụ công',
      en: 'Check the network step by step: link → gateway → DNS → internet → public-service sites',
    },
  }),
  'network:config': channel<NetworkConfig>()({
    request: z.object({}).strict(),
    summary: { vi: 'Card mạng, IP, gateway, DNS, proxy', en: 'Adapters, IP, gateway, DNS, proxy' },
  }),
  'network:ping': channel<LatencyResult>()({
    request: z.object({ host, count: z.number().int().min(1).max(30).optional() }).strict(),
    streams: false,
    summary: {
      vi: 'Đo độ trễ và tỉ lệ mất gói tới một máy',
      en: 'Measure latency and loss to a host',
    },
  }),
};
