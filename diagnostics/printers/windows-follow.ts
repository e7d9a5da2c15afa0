/**
 * Follows a Windows test page: polls the printer's jobs (`Get-PrintJob` JSON) until the queue is
 * empty (printed), a job reports an error, or the limit passes.
 */
import type { ProbeContext } from '../types.js';
import { asArray, str } from '../windows/powershell.js';
import { runPowerShellJson } from '../windows/powershell.js';
import type { TestPageResult } from './types.js';
import { windowsJobsScript } from './windows-printers.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until the queue of `name` empties; `started` is when the page was sent. */
export async function followWindowsJobs(
  ctx: ProbeContext,
  name: string,
  started: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<TestPageResult> {
  let last = 'submitted';
  while (ctx.now() - started < timeoutMs && signal?.aborted !== true) {
    const result = await runPowerShellJson(ctx, windowsJobsScript(name), {
      timeoutMs: 15_000,
      ...(signal === undefined ? {} : { signal }),
    });
    if (result.status !== 'ok') break;
    const jobs = asArray(result.data);
    if (jobs.length === 0) {
      return {
        printer: name,
        outcome: 'completed',
        finalState: 'queue-empty',
        durationMs: ctx.now() - started,
        detail: {
          vi: 'Trang in thử đã rời hàng đợi (đã in).',
          en: 'The test page left the queue (printed).',
        },
      };
    }
    last = jobs.map((j) => str(j, 'JobStatus') ?? '?').join(', ');
    if (/Error|Blocked/.test(last)) {
      return {
        printer: name,
        outcome: 'failed',
        finalState: last,
        durationMs: ctx.now() - started,
        detail: { vi: `Lệnh in báo lỗi: ${last}`, en: `The job reports: ${last}` },
      };
    }
    await sleep(1000);
  }
  return {
    printer: name,
    outcome: last === 'submitted' ? 'submitted' : 'timeout',
    finalState: last,
    durationMs: ctx.now() - started,
    detail: {
      vi: `Đã gửi trang in thử; chưa xác nhận in xong (${last}).`,
      en: `Test page sent; not confirmed printed (${last}).`,
    },
  };
}
