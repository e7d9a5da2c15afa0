/**
 * The neighbour (ARP) table: which IPv4 addresses on the local links answered ARP, with their
 * MAC. Reading it needs no admin rights on Linux or Windows.
 */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { runPowerShellJson } from '../windows/powershell.js';
import {
  linuxNeighboursCommand,
  parseLinuxAsked,
  parseLinuxNeighbours,
} from './neighbours-linux.js';
import { parseWin32Neighbours, win32NeighboursScript } from './neighbours-win32.js';
import type { Neighbour, NeighbourTable } from './neighbour-types.js';

export type { Neighbour, NeighbourTable } from './neighbour-types.js';

/** Reads the neighbour table once; a failure is a result, never a throw. */
export async function readNeighbourTable(
  ctx: ProbeContext,
  options: Readonly<{ timeoutMs?: number; signal?: AbortSignal }> = {},
): Promise<ProbeResult<NeighbourTable>> {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  if (ctx.platform === 'win32') {
    const result = await runPowerShellJson(ctx, win32NeighboursScript, { timeoutMs, ...signal });
    return result.status === 'ok' ? ok({ resolved: parseWin32Neighbours(result.data) }) : result;
  }
  if (ctx.platform === 'darwin')
    return failed('neighbour table on macOS is not read (arp -an text)');
  try {
    const { file, args } = linuxNeighboursCommand;
    const output = await ctx.run(file, args, { timeoutMs, ...signal });
    if (output.exitCode !== 0) return failed(`ip neigh exited with ${String(output.exitCode)}`);
    return ok({
      resolved: parseLinuxNeighbours(output.stdout),
      asked: new Set(parseLinuxAsked(output.stdout)),
    });
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}

/** Reads the resolved entries of the neighbour table; a failure is a result, never a throw. */
export async function readNeighbours(
  ctx: ProbeContext,
  options: Readonly<{ timeoutMs?: number; signal?: AbortSignal }> = {},
): Promise<ProbeResult<Neighbour[]>> {
  const table = await readNeighbourTable(ctx, options);
  return table.status === 'ok' ? ok(table.data.resolved) : table;
}
