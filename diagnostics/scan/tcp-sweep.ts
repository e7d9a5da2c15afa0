/**
 * The TCP phase of a scan, in two steps for addresses on this machine's own links:
 * 1. one connect per on-link address (which makes the kernel ask ARP for it) and the whole port
 *    list for off-link addresses; then the neighbour table is read, once, when the kernel has
 *    tried every address;
 * 2. the rest of the port list only for on-link addresses that answered ARP (or TCP).
 * A silent on-link address costs one socket instead of one per port, so the cost grows with the
 * number of live hosts, not with the range; without a neighbour table every address gets every
 * port. No process is spawned while sockets wait, apart from the one table read between steps.
 */
import type { ProbeContext, ProbeResult } from '../types.js';
import { readNeighbours, type Neighbour } from './neighbours.js';
import { runPool } from './pool.js';
import { probeTcp } from './tcp-probe.js';
import type { LivenessEvidence, ScanPort } from './types.js';

/** What the sweep needs from the scan. */
export type SweepInput = Readonly<{
  addresses: readonly string[];
  ports: readonly ScanPort[];
  onLink: (ip: string) => boolean;
  /** Per connect; default 500 ms on-link, 1000 ms off-link. */
  connectTimeoutMs?: number;
  concurrency: number;
  signal?: AbortSignal;
  /** Records a proof of life. */
  mark: (ip: string, evidence: LivenessEvidence, port?: ScanPort) => void;
  /** True once `ip` has shown life (any evidence). */
  isLive: (ip: string) => boolean;
  /** Called once per address when it is finished. */
  onDone: () => void;
}>;

type Job = Readonly<{ ip: string; ports: readonly ScanPort[] }>;

async function probeAll(jobs: readonly Job[], input: SweepInput, report: (ip: string) => boolean): Promise<void> {
  const pending = new Map(jobs.map((j) => [j.ip, j.ports.length]));
  for (const j of jobs) if (j.ports.length === 0 && report(j.ip)) input.onDone();
  const tasks = jobs.flatMap((j) => j.ports.map((port) => ({ ip: j.ip, port })));
  await runPool(tasks, input.concurrency, async ({ ip, port }) => {
    const timeout = input.connectTimeoutMs ?? (input.onLink(ip) ? 500 : 1000);
    const outcome = await probeTcp(ip, port, timeout, input.signal);
    if (outcome === 'open') input.mark(ip, 'tcp-open', port);
    if (outcome === 'refused') input.mark(ip, 'tcp-refused');
    const left = (pending.get(ip) ?? 1) - 1;
    pending.set(ip, left);
    if (left === 0 && report(ip)) input.onDone();
  }, input.signal);
}

/**
 * Runs the TCP phase; returns the neighbour table read between the steps, or `undefined` when
 * there was nothing on-link to ask ARP about (the scan then reads the table itself at the end).
 */
export async function tcpSweep(ctx: ProbeContext, input: SweepInput): Promise<ProbeResult<Neighbour[]> | undefined> {
  const [first, ...rest] = input.ports;
  const onLinkIps = input.addresses.filter(input.onLink);
  const offLinkIps = input.addresses.filter((ip) => !input.onLink(ip));
  if (first === undefined || onLinkIps.length === 0) {
    await probeAll(input.addresses.map((ip) => ({ ip, ports: input.ports })), input, () => true);
    return undefined;
  }
  const onLinkSet = new Set(onLinkIps);
  await probeAll([...onLinkIps.map((ip) => ({ ip, ports: [first] })), ...offLinkIps.map((ip) => ({ ip, ports: input.ports }))], input, (ip) => !onLinkSet.has(ip));
  const neighbours = await readNeighbours(ctx, input.signal === undefined ? {} : { signal: input.signal });
  const arp = neighbours.status === 'ok' ? new Set(neighbours.data.map((n) => n.ip)) : undefined;
  const second = onLinkIps.filter((ip) => arp === undefined || arp.has(ip) || input.isLive(ip));
  const secondSet = new Set(second);
  for (const ip of onLinkIps) if (!secondSet.has(ip)) input.onDone();
  await probeAll(second.map((ip) => ({ ip, ports: rest })), input, () => true);
  return neighbours;
}
