/** Windows memory facts: the `os` section of the facts script (Win32_OperatingSystem, KiB). */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num } from '../windows/powershell.js';
import type { MemoryInfo } from './types.js';

/** Parses `Win32_OperatingSystem` (KiB fields) from the `os` section. */
export function parseWindowsMemory(section: unknown): MemoryInfo | undefined {
  const os = asArray(section)[0];
  const total = num(os, 'TotalVisibleMemorySize');
  const free = num(os, 'FreePhysicalMemory');
  return total === undefined || free === undefined
    ? undefined
    : { totalBytes: total * 1024, availableBytes: free * 1024 };
}

/** Reads the `os` section; missing sizes are a failure. */
export async function readWin32Memory(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<MemoryInfo>> {
  const section = await windowsSection(ctx, 'os', signal);
  if (section.status !== 'ok') return section;
  const info = parseWindowsMemory(section.data);
  return info ? ok(info) : failed('memory sizes missing');
}
