/** Windows battery facts: the `battery` section (Win32_Battery + root/wmi capacities). */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num } from '../windows/powershell.js';
import type { BatteryInfo } from './types.js';

/** Parses the `battery` section (Win32_Battery + root/wmi capacities). */
export function parseWindowsBattery(section: unknown): BatteryInfo {
  const b = asArray(section)[0];
  if (b === undefined) return { present: false };
  const out: Record<string, unknown> = { present: true };
  for (const [key, field] of [
    ['percent', 'EstimatedChargeRemaining'],
    ['designed', 'DesignedCapacity'],
    ['full', 'FullChargedCapacity'],
  ] as const) {
    const value = num(b, field);
    if (value !== undefined) out[key] = value;
  }
  return out as BatteryInfo;
}

/** Reads the `battery` section. */
export async function readWin32Battery(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<BatteryInfo>> {
  const section = await windowsSection(ctx, 'battery', signal);
  return section.status === 'ok' ? ok(parseWindowsBattery(section.data)) : section;
}
