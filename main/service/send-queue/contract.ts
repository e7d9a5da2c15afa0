/**
 * Channels of the send queue: reports sealed on this PC wait in the data folder and go to the
 * province's collection server (`xaso serve`) when it is reachable. No Node modules here.
 */
import { z } from 'zod';

import { channel } from '../define.js';
import { visitRefSchema } from '../visits/contract.js';
import type { QueueState } from './types.js';

export type { QueueItem, QueueState, QueueStatus, SendReceipt } from './types.js';

const serverUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'http(s)://host[:port]');

export const sendQueueContract = {
  'outbox:list': channel<QueueState>()({
    request: z.object({}).strict(),
    summary: {
      vi: 'Các báo cáo đang chờ gửi lên máy chủ của tỉnh, và biên nhận',
      en: 'Reports waiting to go to the province server, and receipts',
    },
  }),
  'outbox:enqueue': channel<QueueState>()({
    request: z
      .object({
        ref: visitRefSchema,
        lang: z.enum(['vi', 'en']).default('vi'),
      })
      .strict(),
    summary: {
      vi: 'Ký số báo cáo chuyến công tác và đưa vào hàng chờ gửi',
      en: 'Seal a visit report and put it in the send queue',
    },
  }),
  'outbox:send': channel<QueueState>()({
    request: z
      .object({
        /** Also try reports whose next try is not due yet (the "Gửi ngay" button). */
        force: z.boolean().default(false),
      })
      .strict(),
    streams: true,
    summary: {
      vi: 'Gửi các báo cáo đang chờ (nếu máy chủ liên lạc được)',
      en: 'Send the waiting reports (when the server is reachable)',
    },
  }),
  'outbox:set-server': channel<QueueState>()({
    request: z.object({ url: serverUrl }).strict(),
    summary: {
      vi: 'Đặt địa chỉ máy chủ thu nhận của tỉnh',
      en: "Set the province collection server's address",
    },
  }),
};
