/** Windows security facts: the `security` (Security Center, firewall) and `hotfix` sections. */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, parsePsDate, str } from '../windows/powershell.js';
import type { SecurityFacts } from './types.js';

/** Decodes SecurityCenter2 productState: byte 2 0x10/0x11 = on; byte 3 0x00 = definitions current. */
export function decodeProductState(state: number): { enabled: boolean; upToDate: boolean } {
  return {
    enabled: ((state >> 8) & 0xff) === 0x10 || ((state >> 8) & 0xff) === 0x11,
    upToDate: (state & 0xff) === 0x00,
  };
}

/** Parses the `security` section. */
export function parseSecurity(section: unknown): SecurityFacts {
  const obj = (section ?? {}) as Record<string, unknown>;
  return {
    antivirus: asArray(obj['Antivirus']).map((a) => ({
      name: str(a, 'displayName') ?? '?',
      ...decodeProductState(num(a, 'productState') ?? 0),
    })),
    firewall: asArray(obj['Firewall']).map((f) => ({
      name: str(f, 'Name') ?? '?',
      enabled: num(f, 'Enabled') === 1,
    })),
  };
}

/** Reads and parses the `security` section. */
export async function readWin32Security(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<SecurityFacts>> {
  const section = await windowsSection(ctx, 'security', signal);
  return section.status === 'ok' ? ok(parseSecurity(section.data)) : section;
}

/** The newest `Get-HotFix` InstalledOn date of the `hotfix` section (undefined: none dated). */
export async function readWin32LastUpdate(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<number | undefined>> {
  const section = await windowsSection(ctx, 'hotfix', signal);
  if (section.status !== 'ok') return section;
  const dates = asArray(section.data)
    .map((h) => parsePsDate((h as Record<string, unknown>)['InstalledOn']))
    .filter((d): d is number => d !== undefined);
  return ok(dates.length === 0 ? undefined : Math.max(...dates));
}
