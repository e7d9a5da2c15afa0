/** Windows volume facts: the `volumes` section (Win32_LogicalDisk, DriveType=3). */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';
import type { Volume } from './types.js';

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

/** Reads the `volumes` section. */
export async function readWin32Volumes(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<Volume[]>> {
  const section = await windowsSection(ctx, 'volumes', signal);
  return section.status === 'ok' ? ok(parseWindowsVolumes(section.data)) : section;
}
