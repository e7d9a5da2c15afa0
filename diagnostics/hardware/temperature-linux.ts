/** Linux temperature facts: sensors via systeminformation `cpuTemperature()`. */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { systemInformationOf } from './si.js';

/** Main, max and per-core readings in °C (zero and missing readings dropped). */
export async function readLinuxTemperatures(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<number[]>> {
  const temp = await systemInformationOf(ctx)('cpuTemperature', (si) => si.cpuTemperature(), {
    signal,
  });
  if (temp.status !== 'ok') return temp;
  return ok(
    [temp.data.main, temp.data.max, ...temp.data.cores].filter(
      (n): n is number => typeof n === 'number' && n > 0,
    ),
  );
}
