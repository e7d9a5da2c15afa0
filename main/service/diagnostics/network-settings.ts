/**
 * The machine diagnosis checks the network like `xaso network` does: the endpoint list the
 * intern saved (`<data folder>/endpoints.json`, else the shipped one) and the extra CA
 * certificates given with the request (`xaso diagnose --ca FILE`), unless the env's probe
 * settings (tests) already name them; the root list of the data folder and the province pack.
 */
import type { ProbeContext } from '../../../diagnostics/index.js';
import type { ServiceEnv } from '../env.js';
import { endpointList } from '../network/handlers.js';
import { provinceProbeSettings } from '../province/settings.js';

/** `ctx` with the network probe's endpoints, connectivity probe and CA certificates filled in. */
export async function withNetworkSettings(
  ctx: ProbeContext,
  env: ServiceEnv,
  ca: readonly string[] | undefined,
): Promise<ProbeContext> {
  const s = ctx.settings ?? {};
  const list = s.endpoints === undefined ? await endpointList(env) : undefined;
  const connectivity = s.connectivity ?? list?.connectivity;
  const extraCa = [...(s.extraCa ?? []), ...(ca ?? [])];
  const vnRoots = s.vnRoots ?? (await provinceProbeSettings(env)).vnRoots;
  return {
    ...ctx,
    settings: {
      ...s,
      ...(vnRoots === undefined ? {} : { vnRoots }),
      endpoints: s.endpoints ?? list?.endpoints ?? [],
      ...(connectivity === undefined ? {} : { connectivity }),
      ...(extraCa.length === 0 ? {} : { extraCa }),
    },
  };
}
