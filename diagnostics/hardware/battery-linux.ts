/** Linux battery facts: systeminformation `battery()`. */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { systemInformationOf } from './si.js';
import type { BatteryInfo } from './types.js';

/** Charge and capacities of the battery, or `present: false`. */
export async function readLinuxBattery(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<BatteryInfo>> {
  const battery = await systemInformationOf(ctx)('battery', (si) => si.battery(), { signal });
  if (battery.status !== 'ok') return battery;
  const b = battery.data;
  return ok(
    b.hasBattery
      ? { present: true, percent: b.percent, designed: b.designedCapacity, full: b.maxCapacity }
      : { present: false },
  );
}
