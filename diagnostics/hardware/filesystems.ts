/** Probe `hardware.filesystems`: free space and fill of each fixed volume. */
import { assertNever } from '../assert-never.js';
import { check, gb, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import { readLinuxVolumes } from './filesystems-linux.js';
import { readWin32Volumes } from './filesystems-win32.js';
import type { Volume } from './types.js';

export type { Volume } from './types.js';
export { parseWindowsVolumes } from './filesystems-win32.js';

const GiB = 1024 ** 3;

/** fail: < 2 GB or ≥ 97 % full; warn: < 10 GB or ≥ 90 % full. */
export function evaluateVolume(v: Volume): CheckResult {
  const usedPct = Math.round(((v.sizeBytes - v.freeBytes) / v.sizeBytes) * 100);
  const status =
    v.freeBytes < 2 * GiB || usedPct >= 97
      ? 'fail'
      : v.freeBytes < 10 * GiB || usedPct >= 90
        ? 'warn'
        : 'ok';
  return check({
    id: `hardware.filesystems.${v.mount}`,
    area: 'hardware',
    status,
    title: t(`Ổ đĩa ${v.mount}`, `Drive ${v.mount}`),
    detail: t(
      `Còn trống ${gb(v.freeBytes)} / ${gb(v.sizeBytes)} GB (đã dùng ${usedPct}%).`,
      `${gb(v.freeBytes)} of ${gb(v.sizeBytes)} GB free (${usedPct}% used).`,
    ),
    values: {
      mount: v.mount,
      fs: v.fs,
      sizeBytes: v.sizeBytes,
      freeBytes: v.freeBytes,
      usedPercent: usedPct,
    },
    ...(status === 'ok'
      ? {}
      : {
          fix: {
            text: t(
              'Dọn ổ đĩa: Disk Cleanup (cleanmgr), xoá Downloads cũ, chuyển tài liệu sang ổ khác.',
              'Free space: Disk Cleanup (cleanmgr), old Downloads, move documents to another drive.',
            ),
            checklistId: 'free-disk-space',
          },
        }),
  });
}

const meta = {
  id: 'hardware.filesystems',
  area: 'hardware',
  title: t('Dung lượng ổ đĩa', 'Disk space'),
} as const;

/** The fixed volumes of `ctx.platform`. */
function readVolumes(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<Volume[]>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Volumes(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxVolumes(ctx, signal);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const volumes = await readVolumes(ctx, signal);
  if (volumes.status !== 'ok') return [unknownFrom(meta, volumes)];
  if (volumes.data.length === 0)
    return [unknownFrom(meta, { status: 'failed', reason: 'no fixed volume listed' })];
  return volumes.data.map(evaluateVolume);
}

/** The probe. */
export const filesystemsProbe: Probe = { ...meta, timeoutMs: 30_000, run };
