/** Windows version facts: the `os` section (Win32_OperatingSystem + CurrentVersion registry values). */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';
import type { WindowsVersion } from './types.js';

/** Parses the `os` section (Win32_OperatingSystem + CurrentVersion registry values). */
export function parseWindowsVersion(section: unknown): WindowsVersion | undefined {
  const os = asArray(section)[0];
  const build = num(os, 'BuildNumber');
  if (build === undefined) return undefined;
  const out: Record<string, unknown> = { caption: str(os, 'Caption') ?? 'Windows', build };
  for (const [k, v] of [
    ['ubr', num(os, 'UBR')],
    ['displayVersion', str(os, 'DisplayVersion')],
    ['editionId', str(os, 'EditionID')],
    ['arch', str(os, 'OSArchitecture')],
  ] as const)
    if (v !== undefined) out[k] = v;
  return out as WindowsVersion;
}

/** Reads the `os` section; no BuildNumber is a failure. */
export async function readWin32Version(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<WindowsVersion>> {
  const section = await windowsSection(ctx, 'os', signal);
  if (section.status !== 'ok') return section;
  const v = parseWindowsVersion(section.data);
  return v ? ok(v) : failed('no BuildNumber');
}
