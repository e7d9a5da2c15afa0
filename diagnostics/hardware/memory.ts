/** Probe `hardware.memory`: RAM size and pressure (available memory). */
import { check, gb, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num } from '../windows/powershell.js';

/** Bytes. */
export type MemoryInfo = Readonly<{ totalBytes: number; availableBytes: number }>;

/** Parses `Win32_OperatingSystem` (KiB fields) from the `os` section. */
export function parseWindowsMemory(section: unknown): MemoryInfo | undefined {
  const os = asArray(section)[0];
  const total = num(os, 'TotalVisibleMemorySize');
  const free = num(os, 'FreePhysicalMemory');
  return total === undefined || free === undefined
    ? undefined
    : { totalBytes: total * 1024, availableBytes: free * 1024 };
}

/** Parses `/proc/meminfo` (MemTotal, MemAvailable in kB). */
export function parseMeminfo(text: string): MemoryInfo | undefined {
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  const total = field('MemTotal');
  const available = field('MemAvailable');
  return Number.isFinite(total) && Number.isFinite(available)
    ? { totalBytes: total, availableBytes: available }
    : undefined;
}

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

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  if (ctx.platform === 'win32') {
    const section = await windowsSection(ctx, 'os', signal);
    if (section.status !== 'ok') return [unknownFrom(meta, section)];
    const info = parseWindowsMemory(section.data);
    return [
      info
        ? evaluateMemory(info)
        : unknownFrom(meta, { status: 'failed', reason: 'memory sizes missing' }),
    ];
  }
  const info = parseMeminfo(await ctx.fs.readText('/proc/meminfo'));
  return [
    info
      ? evaluateMemory(info)
      : unknownFrom(meta, { status: 'failed', reason: '/proc/meminfo without MemAvailable' }),
  ];
}

/** The probe. */
export const memoryProbe: Probe = { ...meta, timeoutMs: 30_000, run };
