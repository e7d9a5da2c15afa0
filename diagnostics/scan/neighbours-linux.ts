/**
 * Linux neighbour (ARP) table: `ip -j neigh show` (iproute2 JSON, no localized text).
 */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import type { Neighbour, NeighbourTable } from './neighbour-types.js';

/** The command that lists the neighbour table. */
export const linuxNeighboursCommand = { file: 'ip', args: ['-j', '-4', 'neigh', 'show'] } as const;

const LIVE_STATES = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT', 'NOARP']);

/** Parses `ip -j neigh show`. Entries without a MAC (INCOMPLETE, FAILED) are left out. */
export function parseLinuxNeighbours(stdout: string): Neighbour[] {
  const data: unknown = JSON.parse(stdout.trim() === '' ? '[]' : stdout);
  if (!Array.isArray(data)) throw new Error('ip -j neigh: not a JSON array');
  const list: Neighbour[] = [];
  for (const entry of data as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const states = Array.isArray(record['state']) ? (record['state'] as unknown[]).map(String) : [];
    const ip = record['dst'];
    const mac = record['lladdr'];
    if (typeof ip !== 'string' || typeof mac !== 'string') continue;
    if (!states.some((state) => LIVE_STATES.has(state))) continue;
    list.push({
      ip,
      mac: mac.toLowerCase(),
      ...(typeof record['dev'] === 'string' ? { device: record['dev'] } : {}),
    });
  }
  return list;
}

/**
 * Every address the kernel has an entry for, resolved or not (INCOMPLETE, FAILED too): the
 * addresses it has asked ARP about. One missing from a range just swept was never asked (the
 * neighbour table was full).
 */
export function parseLinuxAsked(stdout: string): string[] {
  const data: unknown = JSON.parse(stdout.trim() === '' ? '[]' : stdout);
  if (!Array.isArray(data)) throw new Error('ip -j neigh: not a JSON array');
  return (data as unknown[]).flatMap((entry) => {
    const ip =
      typeof entry === 'object' && entry !== null
        ? (entry as Record<string, unknown>)['dst']
        : undefined;
    return typeof ip === 'string' ? [ip] : [];
  });
}

/** Reads `ip -j neigh show`; a failure is a result, never a throw. */
export async function readLinuxNeighbourTable(
  ctx: ProbeContext,
  options: Readonly<{ timeoutMs: number; signal?: AbortSignal }>,
): Promise<ProbeResult<NeighbourTable>> {
  try {
    const { file, args } = linuxNeighboursCommand;
    const output = await ctx.run(file, args, options);
    if (output.exitCode !== 0) return failed(`ip neigh exited with ${String(output.exitCode)}`);
    return ok({
      resolved: parseLinuxNeighbours(output.stdout),
      asked: new Set(parseLinuxAsked(output.stdout)),
    });
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
