/** Windows smart-card service facts: the `services` section of the facts script (`SCardSvr`). */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';
import type { ServiceState } from './types.js';

/** Parses the `services` section. */
export function parseServices(section: unknown): ServiceState[] {
  return asArray(section).flatMap((s) => {
    const name = str(s, 'Name');
    if (name === undefined) return [];
    const state: Record<string, unknown> = { name };
    const status = num(s, 'Status');
    const startType = num(s, 'StartType');
    if (status !== undefined) state['status'] = status;
    if (startType !== undefined) state['startType'] = startType;
    return [state as ServiceState];
  });
}

/** Reads the `services` section. */
export async function readWin32Services(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<ServiceState[]>> {
  const section = await windowsSection(ctx, 'services', signal);
  if (section.status !== 'ok') return section;
  return ok(parseServices(section.data));
}
