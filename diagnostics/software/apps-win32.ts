/** Windows facts of the app probes: the running processes (`processes` section). */
import type { ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, str } from '../windows/powershell.js';

/** Names of the running processes; none when the section is missing. */
export async function readWin32Processes(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<string[]> {
  const procs = await windowsSection(ctx, 'processes', signal);
  return procs.status === 'ok' ? asArray(procs.data).map((p) => str(p, 'Name') ?? '') : [];
}
