/** Linux volume facts: systeminformation `fsSize()`, pseudo and virtual filesystems left out. */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { systemInformationOf } from './si.js';
import type { Volume } from './types.js';

const SKIP_FS =
  /^(tmpfs|devtmpfs|overlay|squashfs|proc|sysfs|cgroup2?|nsfs|ramfs|efivarfs|fuse\..*)$/i;

/** The mounted, sized volumes. */
export async function readLinuxVolumes(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<Volume[]>> {
  const fs = await systemInformationOf(ctx)('fsSize', (si) => si.fsSize(), { signal });
  if (fs.status !== 'ok') return fs;
  return ok(
    fs.data
      .filter((f) => !SKIP_FS.test(f.type) && f.size > 0)
      .map((f) => ({ mount: f.mount, fs: f.type, sizeBytes: f.size, freeBytes: f.available })),
  );
}
