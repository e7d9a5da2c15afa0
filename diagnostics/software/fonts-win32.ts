/** Windows font facts: the `fonts` section (Fonts registry value names). */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray } from '../windows/powershell.js';

/** Parses the `fonts` section: registry value names such as "Times New Roman (TrueType)". */
export function parseWindowsFonts(section: unknown): string[] {
  return asArray(section)
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.replace(/\s*\((TrueType|OpenType|All res)\)\s*$/i, '').trim());
}

/** The installed font families. */
export async function readWin32Fonts(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<string[]>> {
  const section = await windowsSection(ctx, 'fonts', signal);
  return section.status === 'ok' ? ok(parseWindowsFonts(section.data)) : section;
}
