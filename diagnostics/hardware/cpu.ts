/** Probe `hardware.cpu`: processor and load (Linux: load average per core; Windows: LoadPercentage). */
import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import { readLinuxCpu } from './cpu-linux.js';
import { readWin32Cpu } from './cpu-win32.js';
import type { CpuInfo } from './types.js';

export type { CpuInfo } from './types.js';
export { parseWindowsCpu } from './cpu-win32.js';

const meta = {
  id: 'hardware.cpu',
  area: 'hardware',
  title: t('Bộ xử lý (CPU) và tải', 'Processor (CPU) and load'),
} as const;

/** warn ≥ 90 % busy, ok otherwise. */
export function evaluateCpu(info: CpuInfo): CheckResult {
  const busy = info.loadPercent >= 90;
  return check({
    ...meta,
    status: busy ? 'warn' : 'ok',
    detail: t(
      `${info.model}, ${info.logical} luồng; đang bận ${info.loadPercent}%.`,
      `${info.model}, ${info.logical} threads; ${info.loadPercent}% busy.`,
    ),
    values: { model: info.model, logicalCpus: info.logical, loadPercent: info.loadPercent },
    ...(busy
      ? {
          fix: {
            text: t(
              'Mở Task Manager, đóng chương trình đang ngốn CPU; nếu luôn bận, kiểm tra virus.',
              'Open Task Manager and close what uses the CPU; if always busy, scan for malware.',
            ),
          },
        }
      : {}),
  });
}

/** The CPU facts of `ctx.platform`. */
function readCpu(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<CpuInfo>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Cpu(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxCpu(ctx);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const info = await readCpu(ctx, signal);
  return [info.status === 'ok' ? evaluateCpu(info.data) : unknownFrom(meta, info)];
}

/** The probe. */
export const cpuProbe: Probe = { ...meta, timeoutMs: 30_000, run };
