/**
 * Probe `hardware.disk-health`: health of physical disks where the OS exposes it (Windows
 * `Get-PhysicalDisk` HealthStatus; Linux systeminformation `diskLayout().smartStatus`, real
 * S.M.A.R.T. only when smartmontools is installed).
 */
import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, CheckStatus, Probe, ProbeContext, ProbeResult } from '../types.js';
import { readLinuxDisks } from './disk-health-linux.js';
import { readWin32Disks } from './disk-health-win32.js';
import type { DiskHealth } from './types.js';

export type { DiskHealth } from './types.js';
export { parseWindowsDisks } from './disk-health-win32.js';

const STATUS: Readonly<Record<DiskHealth['health'], CheckStatus>> = {
  healthy: 'ok',
  warning: 'warn',
  unhealthy: 'fail',
  unknown: 'unknown',
};
const meta = {
  id: 'hardware.disk-health',
  area: 'hardware',
  title: t('Sức khoẻ ổ cứng', 'Disk health'),
} as const;

/** One check per disk. */
export function evaluateDisk(d: DiskHealth, index: number): CheckResult {
  const status = STATUS[d.health];
  const words = {
    healthy: t('tốt', 'healthy'),
    warning: t('có dấu hiệu hỏng', 'showing warnings'),
    unhealthy: t('hỏng', 'failing'),
    unknown: t('hệ điều hành không cho biết', 'not reported by the OS'),
  }[d.health];
  return check({
    id: `${meta.id}.${index}`,
    area: 'hardware',
    status,
    title: t(`Ổ cứng ${d.name}`, `Disk ${d.name}`),
    detail: t(
      `${kindWords(d.kind).vi}, ${Math.round(d.sizeBytes / 1e9)} GB: ${words.vi}.`,
      `${kindWords(d.kind).en}, ${Math.round(d.sizeBytes / 1e9)} GB: ${words.en}.`,
    ),
    values: { ...d },
    ...(status === 'unknown'
      ? { reason: 'health not exposed (S.M.A.R.T. needs smartmontools/admin)' }
      : {}),
    ...(status === 'warn' || status === 'fail'
      ? {
          fix: {
            text: t(
              'Sao lưu dữ liệu ngay và báo thay ổ cứng.',
              'Back up the data now and ask for a disk replacement.',
            ),
            checklistId: 'fix-backup',
          },
        }
      : {}),
  });
}

/** The physical disks of `ctx.platform`. */

/** The disk kind in words: HDD/SSD stay as they are; an unknown or raw kind reads "Ổ đĩa". */
function kindWords(kind: string): Readonly<{ vi: string; en: string }> {
  if (['HDD', 'SSD', 'SCM', 'NVMe'].includes(kind)) return { vi: kind, en: kind };
  return kind === 'unspecified' || kind === 'disk' || kind === ''
    ? { vi: 'Ổ đĩa', en: 'Disk' }
    : { vi: `Ổ đĩa (${kind})`, en: `Disk (${kind})` };
}

function readDisks(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<DiskHealth[]>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Disks(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxDisks(ctx, signal);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const disks = await readDisks(ctx, signal);
  if (disks.status !== 'ok') return [unknownFrom(meta, disks)];
  if (disks.data.length === 0)
    return [unknownFrom(meta, { status: 'failed', reason: 'no physical disk listed' })];
  return disks.data.map(evaluateDisk);
}

/** The probe. */
export const diskHealthProbe: Probe = { ...meta, timeoutMs: 30_000, run };
