/**
 * Probe `hardware.disk-health`: health of physical disks where the OS exposes it (Windows
 * `Get-PhysicalDisk` HealthStatus; Linux systeminformation `diskLayout().smartStatus`, real
 * S.M.A.R.T. only when smartmontools is installed).
 */
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, CheckStatus, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';
import { systemInformationOf } from './si.js';

/** One disk and its health word: healthy / warning / unhealthy / unknown. */
export type DiskHealth = Readonly<{
  name: string;
  sizeBytes: number;
  kind: string;
  health: 'healthy' | 'warning' | 'unhealthy' | 'unknown';
}>;

// MSFT_PhysicalDisk: HealthStatus 0 Healthy, 1 Warning, 2 Unhealthy, 5 Unknown; MediaType 3 HDD, 4 SSD.
const HEALTH = { 0: 'healthy', 1: 'warning', 2: 'unhealthy' } as const;
const MEDIA: Readonly<Record<number, string>> = { 3: 'HDD', 4: 'SSD', 5: 'SCM' };

/** Parses the `physicalDisks` section (numbers cast with [int] in the script). */
export function parseWindowsDisks(section: unknown): DiskHealth[] {
  return asArray(section).map((d) => ({
    name: str(d, 'FriendlyName') ?? '?',
    sizeBytes: num(d, 'Size') ?? 0,
    kind: MEDIA[num(d, 'MediaType') ?? -1] ?? 'unspecified',
    health: HEALTH[num(d, 'HealthStatus') as 0 | 1 | 2] ?? 'unknown',
  }));
}

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
      `${d.kind}, ${Math.round(d.sizeBytes / 1e9)} GB: ${words.vi}.`,
      `${d.kind}, ${Math.round(d.sizeBytes / 1e9)} GB: ${words.en}.`,
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
            checklistId: 'backup-data',
          },
        }
      : {}),
  });
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  let disks: DiskHealth[];
  if (ctx.platform === 'win32') {
    const section = await windowsSection(ctx, 'physicalDisks', signal);
    if (section.status !== 'ok') return [unknownFrom(meta, section)];
    disks = parseWindowsDisks(section.data);
  } else {
    const layout = await systemInformationOf(ctx)('diskLayout', (si) => si.diskLayout(), { signal });
    if (layout.status !== 'ok') return [unknownFrom(meta, layout)];
    disks = layout.data.map((d) => ({
      name: d.name || d.device,
      sizeBytes: d.size,
      kind: d.type || 'disk',
      health:
        d.smartStatus === 'Ok'
          ? 'healthy'
          : d.smartStatus === 'Predicted Failure'
            ? 'unhealthy'
            : 'unknown',
    }));
  }
  if (disks.length === 0)
    return [unknownFrom(meta, { status: 'failed', reason: 'no physical disk listed' })];
  return disks.map(evaluateDisk);
}

/** The probe. */
export const diskHealthProbe: Probe = { ...meta, timeoutMs: 30_000, run };
