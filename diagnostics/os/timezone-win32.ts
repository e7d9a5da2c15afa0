/** Windows time zone facts: the `timezone` section (Get-TimeZone + DateTimeOffset). */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { num, str } from '../windows/powershell.js';
import type { ZoneInfo } from './types.js';

/** Parses the `timezone` section (Get-TimeZone + DateTimeOffset). */
export function parseWindowsZone(section: unknown): ZoneInfo | undefined {
  const id = str(section, 'Id');
  const offset = num(section, 'UtcOffsetNowMinutes') ?? num(section, 'BaseUtcOffsetMinutes');
  return id === undefined || offset === undefined
    ? undefined
    : { id, offsetMinutes: Math.round(offset) };
}

/** Reads the `timezone` section; no zone id is a failure. */
export async function readWin32Zone(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<ZoneInfo>> {
  const section = await windowsSection(ctx, 'timezone', signal);
  if (section.status !== 'ok') return section;
  const zone = parseWindowsZone(section.data);
  return zone ? ok(zone) : failed('no time zone id');
}
