/**
 * Windows neighbour (ARP) table: `Get-NetNeighbor` as JSON. `State` is cast to its enum name
 * (`Reachable`, `Stale`…), which PowerShell never translates.
 */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { asArray, runPowerShellJson, str } from '../windows/powershell.js';
import type { Neighbour, NeighbourTable } from './neighbour-types.js';

/** The PowerShell script that lists the IPv4 neighbour table. */
export const win32NeighboursScript =
  "xasoJson @(Get-NetNeighbor -AddressFamily IPv4 -ErrorAction SilentlyContinue | Select-Object IPAddress,LinkLayerAddress,ifIndex,@{n='State';e={[string]$_.State}})";

const LIVE_STATES = new Set(['Reachable', 'Stale', 'Delay', 'Probe', 'Permanent']);

/** Parses the JSON of {@link win32NeighboursScript} (one object or an array). */
export function parseWin32Neighbours(data: unknown): Neighbour[] {
  const list: Neighbour[] = [];
  for (const entry of asArray(data)) {
    const ip = str(entry, 'IPAddress');
    const raw = str(entry, 'LinkLayerAddress');
    const state = str(entry, 'State');
    if (ip === undefined || raw === undefined || state === undefined || !LIVE_STATES.has(state))
      continue;
    const mac = raw.replace(/-/g, ':').toLowerCase();
    // Broadcast/multicast entries are "Permanent" but are not hosts.
    if (mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff' || mac.startsWith('01:00:5e'))
      continue;
    list.push({ ip, mac });
  }
  return list;
}

/** Reads `Get-NetNeighbor`; a failure is a result, never a throw. */
export async function readWin32NeighbourTable(
  ctx: ProbeContext,
  options: Readonly<{ timeoutMs: number; signal?: AbortSignal }>,
): Promise<ProbeResult<NeighbourTable>> {
  const result = await runPowerShellJson(ctx, win32NeighboursScript, options);
  return result.status === 'ok' ? ok({ resolved: parseWin32Neighbours(result.data) }) : result;
}
