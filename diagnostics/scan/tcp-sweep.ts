/**
 * The TCP phase of a scan, in two steps for addresses on this machine's own links:
 * 1. one connect per on-link address (which makes the kernel ask ARP for it) and the whole port
 *    list for off-link addresses; then the neighbour table is read, once the kernel has tried
 *    every address (in more than one wave when the kernel's table could not hold them all);
 * 2. the rest of the port list only for on-link addresses that answered ARP (or TCP).
 * A silent on-link address costs one socket instead of one per port, so the cost grows with the
 * number of live hosts, not with the range; without a neighbour table every address gets every
 * port. No process is spawned while sockets wait, apart from the one table read between steps.
 */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { neighbourTableIsCheap, readNeighbourTable, type Neighbour } from './neighbours.js';
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

type Job = Readonly<{ ip: string; ports: readonly ScanPort[]; timeoutMs?: number }>;

/** Step 1's wait for an on-link address: enough for ARP and a quick answer on a LAN. */
const ASK_TIMEOUT_MS = 300;

async function probeAll(
  jobs: readonly Job[],
  input: SweepInput,
  report: (ip: string) => boolean,
): Promise<void> {
  const pending = new Map(jobs.map((j) => [j.ip, j.ports.length]));
  for (const j of jobs) if (j.ports.length === 0 && report(j.ip)) input.onDone();
  const tasks = jobs.flatMap((j) =>
    j.ports.map((port) => ({ ip: j.ip, port, timeoutMs: j.timeoutMs })),
  );
  await runPool(
    tasks,
    input.concurrency,
    async ({ ip, port, timeoutMs }) => {
      const timeout = timeoutMs ?? input.connectTimeoutMs ?? (input.onLink(ip) ? 500 : 1000);
      const outcome = await probeTcp(ip, port, timeout, input.signal);
      if (outcome === 'open') input.mark(ip, 'tcp-open', port);
      if (outcome === 'refused') input.mark(ip, 'tcp-refused');
      const left = (pending.get(ip) ?? 1) - 1;
      pending.set(ip, left);
      if (left === 0 && report(ip)) input.onDone();
    },
    input.signal,
  );
}

/**
 * How long the kernel keeps asking ARP for a silent address (Linux and Windows: 3 requests 1 s
 * apart); its neighbour-table entry is held, and counts against the table's size, until then.
 */
const ARP_GIVE_UP_MS = 3200;
const MAX_WAVES = 8;

/** The table read after the on-link addresses were asked, and in how many waves. */
export type SweepOutcome = Readonly<{ table: ProbeResult<Neighbour[]>; waves: number }>;

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Step 1, in waves: a wave asks every address not yet asked, then reads the table. The kernel's
 * neighbour table is bounded (Linux: 1024 entries for the whole machine), so in a large range
 * some addresses of a wave may never have been asked; those go in the next wave, once the
 * kernel has given up on this wave's silent addresses and freed their entries.
 */
async function askInWaves(
  ctx: ProbeContext,
  input: SweepInput,
  onLinkIps: readonly string[],
  first: ScanPort,
  offLink: readonly Job[],
): Promise<SweepOutcome> {
  const onLinkSet = new Set(onLinkIps);
  const resolved = new Map<string, Neighbour>();
  let toAsk = onLinkIps;
  let extra = offLink;
  for (let wave = 1; ; wave += 1) {
    const started = performance.now();
    const ask = Math.min(ASK_TIMEOUT_MS, input.connectTimeoutMs ?? ASK_TIMEOUT_MS);
    await probeAll(
      [...toAsk.map((ip) => ({ ip, ports: [first], timeoutMs: ask })), ...extra],
      input,
      (ip) => !onLinkSet.has(ip),
    );
    extra = [];
    const table = await readNeighbourTable(
      ctx,
      input.signal === undefined ? {} : { signal: input.signal },
    );
    if (table.status !== 'ok') return { table, waves: wave };
    for (const n of table.data.resolved) resolved.set(n.ip, n);
    const asked = table.data.asked;
    const unasked =
      asked === undefined ? [] : toAsk.filter((ip) => !asked.has(ip) && !input.isLive(ip));
    if (
      unasked.length === 0 ||
      unasked.length === toAsk.length ||
      wave >= MAX_WAVES ||
      input.signal?.aborted === true
    ) {
      return { table: ok([...resolved.values()]), waves: wave };
    }
    await sleep(ARP_GIVE_UP_MS - (performance.now() - started));
    toAsk = unasked;
  }
}

/**
 * Runs the TCP phase; returns the neighbour table read after step 1, or `undefined` when there
 * was nothing on-link to ask ARP about (the scan then reads the table itself at the end).
 */
export async function tcpSweep(
  ctx: ProbeContext,
  input: SweepInput,
): Promise<SweepOutcome | undefined> {
  const [first, ...rest] = input.ports;
  const onLinkIps = input.addresses.filter(input.onLink);
  const offLinkIps = input.addresses.filter((ip) => !input.onLink(ip));
  if (first === undefined || onLinkIps.length === 0) {
    await probeAll(
      input.addresses.map((ip) => ({ ip, ports: input.ports })),
      input,
      () => true,
    );
    return undefined;
  }
  const outcome = await askInWaves(
    ctx,
    input,
    onLinkIps,
    first,
    offLinkIps.map((ip) => ({ ip, ports: input.ports })),
  );
  const arp =
    outcome.table.status === 'ok' ? new Set(outcome.table.data.map((n) => n.ip)) : undefined;
  const second = onLinkIps.filter((ip) => arp === undefined || arp.has(ip) || input.isLive(ip));
  const secondSet = new Set(second);
  for (const ip of onLinkIps) if (!secondSet.has(ip)) input.onDone();
  // A host that did not answer the first port within step 1's short wait is asked it again.
  await probeAll(
    second.map((ip) => ({ ip, ports: input.isLive(ip) ? rest : input.ports })),
    input,
    () => true,
  );
  return { ...outcome, table: await withLateAnswers(ctx, input, outcome.table) };
}

/** Where the table is cheap to read (Linux), reads it again for ARP answers that came late. */
async function withLateAnswers(
  ctx: ProbeContext,
  input: SweepInput,
  table: ProbeResult<Neighbour[]>,
): Promise<ProbeResult<Neighbour[]>> {
  if (table.status !== 'ok' || !neighbourTableIsCheap(ctx.platform)) return table;
  const again = await readNeighbourTable(
    ctx,
    input.signal === undefined ? {} : { signal: input.signal },
  );
  if (again.status !== 'ok') return table;
  const byIp = new Map(table.data.map((n) => [n.ip, n]));
  for (const n of again.data.resolved) byIp.set(n.ip, n);
  return ok([...byIp.values()]);
}
