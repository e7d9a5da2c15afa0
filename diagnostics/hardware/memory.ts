/** Probe `hardware.memory`: RAM size and pressure (available memory). */
import { assertNever } from '../assert-never.js';
import { check, gb, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import { readLinuxMemory } from './memory-linux.js';
import { readWin32Memory } from './memory-win32.js';
import type { MemoryInfo } from './types.js';

export type { MemoryInfo } from './types.js';
export { parseWindowsMemory } from './memory-win32.js';
export { parseMeminfo } from './memory-linux.js';

const meta = {
  id: 'hardware.memory',
  area: 'hardware',
  title: t('Bộ nhớ (RAM)', 'Memory (RAM)'),
} as const;

/** fail < 5 % available; warn < 15 % available or < 4 GB installed (Windows 10/11 office work). */
export function evaluateMemory(info: MemoryInfo): CheckResult {
  const freePct = Math.round((info.availableBytes / info.totalBytes) * 100);
  const small = info.totalBytes < 3.8 * 1024 ** 3;
  const status = freePct < 5 ? 'fail' : freePct < 15 || small ? 'warn' : 'ok';
  return check({
    ...meta,
    status,
    detail: t(
      `${gb(info.totalBytes)} GB, còn trống ${gb(info.availableBytes)} GB (${freePct}%).${small ? ' Dưới 4 GB: Windows và trình duyệt sẽ chậm.' : ''}`,
      `${gb(info.totalBytes)} GB, ${gb(info.availableBytes)} GB available (${freePct}%).${small ? ' Under 4 GB: Windows and browsers will be slow.' : ''}`,
    ),
    values: {
      totalBytes: info.totalBytes,
      availableBytes: info.availableBytes,
      availablePercent: freePct,
    },
    ...(status === 'ok'
      ? {}
      : {
          fix: {
            text: small
              ? t('Đề xuất nâng RAM lên ít nhất 8 GB.', 'Recommend upgrading RAM to at least 8 GB.')
              : t(
                  'Đóng bớt chương trình và tab trình duyệt, khởi động lại máy.',
                  'Close programs and browser tabs, restart the PC.',
                ),
          },
        }),
  });
}

/** The memory facts of `ctx.platform`. */
function readMemory(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<MemoryInfo>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Memory(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxMemory(ctx);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const info = await readMemory(ctx, signal);
  return [info.status === 'ok' ? evaluateMemory(info.data) : unknownFrom(meta, info)];
}

/** The probe. */
export const memoryProbe: Probe = { ...meta, timeoutMs: 30_000, run };
