/** Windows disk health facts: the `physicalDisks` section (`Get-PhysicalDisk`). */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';
import type { DiskHealth } from './types.js';

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

/** Reads the `physicalDisks` section. */
export async function readWin32Disks(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<DiskHealth[]>> {
  const section = await windowsSection(ctx, 'physicalDisks', signal);
  return section.status === 'ok' ? ok(parseWindowsDisks(section.data)) : section;
}
