/** Probe `hardware.cpu`: processor and load (Linux: load average per core; Windows: LoadPercentage). */
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';

/** What the verdict needs. */
export type CpuInfo = Readonly<{ model: string; logical: number; loadPercent: number }>;

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

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  if (ctx.platform === 'win32') {
    const section = await windowsSection(ctx, 'cpu', signal);
    const info = section.status === 'ok' ? parseWindowsCpu(section.data) : undefined;
    if (section.status !== 'ok') return [unknownFrom(meta, section)];
    return [
      info
        ? evaluateCpu(info)
        : unknownFrom(meta, { status: 'failed', reason: 'no processor listed' }),
    ];
  }
  const list = ctx.os.cpus();
  const load1 = ctx.os.loadavg()[0] ?? 0;
  return [
    evaluateCpu({
      model: list[0]?.model.trim() ?? '?',
      logical: list.length,
      loadPercent: Math.min(100, Math.round((load1 / Math.max(1, list.length)) * 100)),
    }),
  ];
}

/** The probe. */
export const cpuProbe: Probe = { ...meta, timeoutMs: 30_000, run };
