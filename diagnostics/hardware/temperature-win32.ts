/** Windows temperature facts: the `temps` section (ACPI thermal zones, tenths of kelvin). */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num } from '../windows/powershell.js';

/** Parses the `temps` section to °C (CurrentTemperature is in tenths of kelvin). */
export function parseWindowsTemps(section: unknown): number[] {
  return asArray(section).flatMap((z) => {
    const raw = num(z, 'CurrentTemperature');
    return raw === undefined || raw <= 0 ? [] : [Math.round((raw / 10 - 273.15) * 10) / 10];
  });
}

/** Readings in °C from the `temps` section. */
export async function readWin32Temperatures(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<number[]>> {
  const section = await windowsSection(ctx, 'temps', signal);
  return section.status === 'ok' ? ok(parseWindowsTemps(section.data)) : section;
}
