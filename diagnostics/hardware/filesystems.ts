/** Probe `hardware.filesystems`: free space and fill of each fixed volume. */
import { check, gb, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';
import { systemInformationOf } from './si.js';

/** One mounted volume, bytes. */
export type Volume = Readonly<{ mount: string; fs: string; sizeBytes: number; freeBytes: number }>;

/** Parses the `volumes` section (Win32_LogicalDisk, DriveType=3). */
export function parseWindowsVolumes(section: unknown): Volume[] {
  return asArray(section).flatMap((v) => {
    const mount = str(v, 'DeviceID');
    const size = num(v, 'Size');
    const free = num(v, 'FreeSpace');
    return mount && size && free !== undefined
      ? [{ mount, fs: str(v, 'FileSystem') ?? '', sizeBytes: size, freeBytes: free }]
      : [];
  });
}

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

const SKIP_FS =
  /^(tmpfs|devtmpfs|overlay|squashfs|proc|sysfs|cgroup2?|nsfs|ramfs|efivarfs|fuse\..*)$/i;

const meta = {
  id: 'hardware.filesystems',
  area: 'hardware',
  title: t('Dung lượng ổ đĩa', 'Disk space'),
} as const;

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  let volumes: Volume[];
  if (ctx.platform === 'win32') {
    const section = await windowsSection(ctx, 'volumes', signal);
    if (section.status !== 'ok') return [unknownFrom(meta, section)];
    volumes = parseWindowsVolumes(section.data);
  } else {
    const fs = await systemInformationOf(ctx)('fsSize', (si) => si.fsSize(), { signal });
    if (fs.status !== 'ok') return [unknownFrom(meta, fs)];
    volumes = fs.data
      .filter((f) => !SKIP_FS.test(f.type) && f.size > 0)
      .map((f) => ({ mount: f.mount, fs: f.type, sizeBytes: f.size, freeBytes: f.available }));
  }
  if (volumes.length === 0)
    return [unknownFrom(meta, { status: 'failed', reason: 'no fixed volume listed' })];
  return volumes.map(evaluateVolume);
}

/** The probe. */
export const filesystemsProbe: Probe = { ...meta, timeoutMs: 30_000, run };
