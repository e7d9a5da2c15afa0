import { z } from 'zod';

import { channel, type Handlers } from '../../main/service/define.js';
import { ServiceError } from '../../main/service/errors.js';

/** A small contract exercising what the app's channels rely on: streams, cancel, failures. */
export const testContract = {
  'test:count': channel<{ counted: number }>()({
    request: z
      .object({ to: z.number().int().min(1).max(100), delayMs: z.number().int().min(0).default(0) })
      .strict(),
    streams: true,
    summary: { vi: 'Đếm', en: 'Count' },
  }),
  'test:fail': channel<never>()({
    request: z.object({ kind: z.enum(['expected', 'bug']) }).strict(),
    summary: { vi: 'Lỗi', en: 'Fail' },
  }),
};

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

export const testHandlers: Handlers<typeof testContract> = {
  'test:count': async ({ to, delayMs }, { progress, signal }) => {
    for (let i = 1; i <= to; i++) {
      if (delayMs > 0) await sleep(delayMs, signal);
      progress({ percent: (i / to) * 100, event: 'tick', data: i });
    }
    return { counted: to };
  },
  'test:fail': async ({ kind }) => {
    if (kind === 'expected') {
      throw new ServiceError('not-found', { vi: 'Không thấy tệp.', en: 'File not found.' });
    }
    throw new TypeError('boom');
  },
};
