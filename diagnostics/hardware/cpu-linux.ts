/** Linux (and macOS) CPU facts: `node:os` cpus and the 1-minute load average per core. */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import type { CpuInfo } from './types.js';

/** Model, logical CPUs, and the 1-minute load average as a percentage of the cores. */
export async function readLinuxCpu(ctx: ProbeContext): Promise<ProbeResult<CpuInfo>> {
  const list = ctx.os.cpus();
  const load1 = ctx.os.loadavg()[0] ?? 0;
  return ok({
    model: list[0]?.model.trim() ?? '?',
    logical: list.length,
    loadPercent: Math.min(100, Math.round((load1 / Math.max(1, list.length)) * 100)),
  });
}
