/**
 * Linux disk health facts: systeminformation `diskLayout().smartStatus` (real S.M.A.R.T. only
 * when smartmontools is installed).
 */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { systemInformationOf } from './si.js';
import type { DiskHealth } from './types.js';

/** The physical disks and their S.M.A.R.T. word. */
export async function readLinuxDisks(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<DiskHealth[]>> {
  const layout = await systemInformationOf(ctx)('diskLayout', (si) => si.diskLayout(), { signal });
  if (layout.status !== 'ok') return layout;
  return ok(
    layout.data.map((d) => ({
      name: d.name || d.device,
      sizeBytes: d.size,
      kind: d.type || 'disk',
      health:
        d.smartStatus === 'Ok'
          ? 'healthy'
          : d.smartStatus === 'Predicted Failure'
            ? 'unhealthy'
            : 'unknown',
    })),
  );
}
