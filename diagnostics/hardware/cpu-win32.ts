/** Windows CPU facts: the `cpu` section of the facts script (Win32_Processor, one per socket). */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';
import type { CpuInfo } from './types.js';

/** Parses the `cpu` section (one object per socket). */
export function parseWindowsCpu(section: unknown): CpuInfo | undefined {
  const cpusFound = asArray(section);
  if (cpusFound.length === 0) return undefined;
  const loads = cpusFound.map((c) => num(c, 'LoadPercentage')).filter((n) => n !== undefined);
  return {
    model: str(cpusFound[0], 'Name') ?? '?',
    logical: cpusFound.reduce<number>((s, c) => s + (num(c, 'NumberOfLogicalProcessors') ?? 0), 0),
    loadPercent:
      loads.length === 0 ? 0 : Math.round(loads.reduce((a, b) => a + b, 0) / loads.length),
  };
}

/** Reads the `cpu` section; a missing processor list is a failure. */
export async function readWin32Cpu(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<CpuInfo>> {
  const section = await windowsSection(ctx, 'cpu', signal);
  if (section.status !== 'ok') return section;
  const info = parseWindowsCpu(section.data);
  return info ? ok(info) : failed('no processor listed');
}
