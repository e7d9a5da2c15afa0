/** Windows identity facts: the `system` and `nics` sections of the facts script. */
import { meaningful } from './identity-fingerprint.js';
import { prune, type IdentityFacts } from './identity-types.js';
import type { ProbeContext } from './types.js';
import { windowsSection } from './windows/facts.js';
import { asArray, str } from './windows/powershell.js';

/** Windows: the batch's `system` and `nics` sections. */
export async function windowsHardwareFacts(
  ctx: ProbeContext,
  signal?: AbortSignal,
): Promise<IdentityFacts> {
  const system = await windowsSection(ctx, 'system', signal);
  const nics = await windowsSection(ctx, 'nics', signal);
  const sys = system.status === 'ok' ? system.data : undefined;
  const macs =
    nics.status === 'ok' ? asArray(nics.data).map((n) => str(n, 'MacAddress') ?? '') : [];
  return prune({
    systemUuid: str(sys, 'UUID'),
    boardSerial: str(sys, 'BoardSerial'),
    systemSerial: str(sys, 'BiosSerial'),
    manufacturer: meaningful(str(sys, 'Manufacturer')),
    model: meaningful(str(sys, 'Model')),
    hostname: str(sys, 'Name'),
    macs,
  });
}
