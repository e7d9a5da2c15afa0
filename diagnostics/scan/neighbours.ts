/**
 * The neighbour (ARP) table: which IPv4 addresses on the local links answered ARP, with their
 * MAC. Reading it needs no admin rights on Linux or Windows.
 */
import { assertNever } from '../assert-never.js';
import { failed, ok } from '../checks.js';
import type { Platform, ProbeContext, ProbeResult } from '../types.js';
import { readLinuxNeighbourTable } from './neighbours-linux.js';
import { readWin32NeighbourTable } from './neighbours-win32.js';
import type { Neighbour, NeighbourTable } from './neighbour-types.js';

export type { Neighbour, NeighbourTable } from './neighbour-types.js';

/** Reads the neighbour table once; a failure is a result, never a throw. */
export async function readNeighbourTable(
  ctx: ProbeContext,
  options: Readonly<{ timeoutMs?: number; signal?: AbortSignal }> = {},
): Promise<ProbeResult<NeighbourTable>> {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  switch (ctx.platform) {
    case 'win32':
      return readWin32NeighbourTable(ctx, { timeoutMs, ...signal });
    case 'linux':
      return readLinuxNeighbourTable(ctx, { timeoutMs, ...signal });
    case 'darwin':
      return failed('neighbour table on macOS is not read (arp -an text)');
    default:
      return assertNever(ctx.platform);
  }
}

/**
 * Whether the neighbour table of `platform` is cheap to read again (Linux: one `ip neigh`; Windows
 * starts PowerShell; macOS does not read it).
 */
export function neighbourTableIsCheap(platform: Platform): boolean {
  switch (platform) {
    case 'linux':
      return true;
    case 'win32':
    case 'darwin':
      return false;
    default:
      return assertNever(platform);
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
