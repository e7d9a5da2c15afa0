/**
 * LAN discovery without admin rights, drivers or raw sockets:
 * 1. TCP connect (`tcp-sweep.ts`): one port per on-link address, which makes the kernel ask ARP;
 *    the neighbour (ARP) table read once; then the short port list for the hosts that answered
 *    (an open port or an RST proves life; so does an ARP answer, even from a host that ignores
 *    ping and drops every port). Off-link addresses get the port list at once;
 * 2. system `ping`, after the TCP phase, for silent addresses where asked (off-link by default);
 * 3. MAC → vendor (OUI table), reverse DNS and NetBIOS node status (UDP 137) for names; then a
 *    device type guess.
 */
import { pingHost } from '../network/ping.js';
import type { ProbeContext } from '../types.js';
import { addressesOf, inRange, type Ipv4Range } from './cidr.js';
import { guessDeviceType } from './device-type.js';
import { readNeighbours, type Neighbour } from './neighbours.js';
import { vendorOf } from './oui.js';
import { runPool } from './pool.js';
import { netbiosNames, type NetbiosInfo } from './netbios.js';
import { reverseLookup } from './reverse-dns.js';
import { tcpSweep } from './tcp-sweep.js';
import {
  SCAN_PORTS,
  type LivenessEvidence,
  type ScanHost,
  type ScanPort,
  type ScanResult,
} from './types.js';

/** Progress of a running scan. */
export type ScanProgress = Readonly<{ done: number; total: number; found: number }>;

/** Options of {@link scanLan}. Defaults are documented per field. */
export type ScanOptions = Readonly<{
  ranges: readonly Ipv4Range[];
  /** Ranges on this machine's own links (ARP answers count); default: all of `ranges`. */
  onLink?: readonly Ipv4Range[];
  /** Default {@link SCAN_PORTS}. */
  ports?: readonly ScanPort[];
  /** Per connect; default 500 ms on-link, 1000 ms off-link. */
  connectTimeoutMs?: number;
  /** Sockets in flight; default 2048. */
  concurrency?: number;
  /** `auto` (default): ping only addresses off-link; `always`; `never`. */
  icmp?: 'auto' | 'always' | 'never';
  /** Reverse DNS: `false` to skip, or the name servers to ask (default: the system's). */
  reverseDns?: false | Readonly<{ servers?: readonly string[] }>;
  /** NetBIOS node-status names (UDP 137); default true. */
  netbios?: boolean;
  selfAddresses?: readonly string[];
  gateways?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
}>;

type Found = { ports: Set<ScanPort>; evidence: Set<LivenessEvidence> };

function mark(
  found: Map<string, Found>,
  ip: string,
  evidence: LivenessEvidence,
  port?: ScanPort,
): void {
  let entry = found.get(ip);
  if (entry === undefined) {
    entry = { ports: new Set(), evidence: new Set() };
    found.set(ip, entry);
  }
  entry.evidence.add(evidence);
  if (port !== undefined) entry.ports.add(port);
}

async function icmpPhase(
  ctx: ProbeContext,
  candidates: readonly string[],
  found: Map<string, Found>,
  signal?: AbortSignal,
): Promise<void> {
  await runPool(
    candidates,
    32,
    async (ip) => {
      if (found.has(ip)) return;
      const result = await pingHost(ctx, ip, {
        count: 1,
        perReplyTimeoutS: 1,
        ...(signal === undefined ? {} : { signal }),
      });
      if (result.status === 'ok' && result.data.timesMs.some((t) => t !== null))
        mark(found, ip, 'icmp');
    },
    signal,
  );
}

function toHost(
  ip: string,
  entry: Found,
  neighbour: Neighbour | undefined,
  dnsName: string | undefined,
  nb: NetbiosInfo | undefined,
  options: ScanOptions,
): ScanHost {
  const openPorts = [...entry.ports].sort((a, b) => a - b);
  const vendor = neighbour === undefined ? undefined : vendorOf(neighbour.mac);
  const gateway = options.gateways?.includes(ip) === true;
  const self = options.selfAddresses?.includes(ip) === true;
  const name = dnsName ?? nb?.name;
  const guess = guessDeviceType(openPorts, vendor, gateway);
  // A host that answers NetBIOS and shows nothing more specific is a Windows (or Samba) PC.
  const deviceType = self ? 'pc' : guess === 'unknown' && nb !== undefined ? 'pc' : guess;
  return {
    ip,
    ...(neighbour === undefined ? {} : { mac: neighbour.mac }),
    ...(vendor === undefined ? {} : { vendor: vendor.name }),
    ...(name === undefined ? {} : { hostname: name }),
    ...(nb === undefined ? {} : { netbios: nb }),
    openPorts,
    evidence: [...entry.evidence].sort(),
    deviceType,
    ...(self ? { self: true } : {}),
    ...(gateway ? { gateway: true } : {}),
  };
}

function byAddress(a: ScanHost, b: ScanHost): number {
  const key = (ip: string): number =>
    ip.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
  return key(a.ip) - key(b.ip);
}

/**
 * Scans the given ranges. Never throws for a method that cannot run: it is reported in
 * `methods` and `notes`. A cancelled scan returns what it found so far with `cancelled: true`.
 */
export async function scanLan(ctx: ProbeContext, options: ScanOptions): Promise<ScanResult> {
  const started = ctx.now();
  const addresses = options.ranges.flatMap(addressesOf);
  const onLinkRanges = options.onLink ?? options.ranges;
  const onLink = (ip: string): boolean => onLinkRanges.some((range) => inRange(ip, range));
  const found = new Map<string, Found>();
  const icmpMode = options.icmp ?? 'auto';
  const pingable =
    icmpMode === 'never' ? [] : addresses.filter((ip) => icmpMode === 'always' || !onLink(ip));
  // NetBIOS queries go to every address while the TCP phase runs (UDP, cheap): an answer is a
  // name and a proof of life, and listening until the TCP phase ends costs no extra time.
  const nbWindow = (options.connectTimeoutMs ?? 500) + 150;
  let done = 0;
  const tcp = tcpSweep(ctx, {
    addresses,
    ports: options.ports ?? SCAN_PORTS,
    onLink,
    ...(options.connectTimeoutMs === undefined
      ? {}
      : { connectTimeoutMs: options.connectTimeoutMs }),
    concurrency: options.concurrency ?? 2048,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    mark: (ip, evidence, port) => mark(found, ip, evidence, port),
    isLive: (ip) => found.has(ip),
    onDone: () => {
      done += 1;
      options.onProgress?.({ done, total: addresses.length, found: found.size });
    },
  });
  const nbPending =
    options.netbios === false
      ? Promise.resolve(new Map<string, NetbiosInfo>())
      : netbiosNames(
          addresses.filter((ip) => options.selfAddresses?.includes(ip) !== true),
          { timeoutMs: nbWindow, until: tcp },
        );
  const [swept, nbNames] = await Promise.all([tcp, nbPending]);
  for (const ip of nbNames.keys()) mark(found, ip, 'netbios');
  // System ping only after the TCP phase, for what is still silent: spawning processes while
  // sockets wait stalls the event loop past their limits and loses the TCP evidence.
  const pinged = pingable.filter((ip) => !found.has(ip));
  await icmpPhase(ctx, pinged, found, options.signal);
  const notes: { vi: string; en: string }[] = [];
  // The table read between the TCP steps is used, unless ping asked ARP about on-link addresses since.
  const reread = swept === undefined || pinged.some(onLink);
  const neighbours = reread
    ? await readNeighbours(ctx, options.signal === undefined ? {} : { signal: options.signal })
    : swept.table;
  if (swept !== undefined && swept.waves > 1)
    notes.push({
      vi: `Bảng ARP của máy không chứa hết dải địa chỉ một lúc: đã hỏi thành ${swept.waves} đợt.`,
      en: `This PC's neighbour (ARP) table could not hold the whole range at once: asked in ${swept.waves} waves.`,
    });
  const byIp = new Map<string, Neighbour>();
  if (neighbours.status === 'ok') {
    const wanted = new Set(addresses);
    for (const n of neighbours.data) if (wanted.has(n.ip)) byIp.set(n.ip, n);
    for (const ip of byIp.keys()) mark(found, ip, 'arp');
  } else {
    notes.push({
      vi: `Không đọc được bảng ARP (không có địa chỉ MAC/hãng): ${neighbours.reason}`,
      en: `Could not read the ARP table (no MAC/vendor): ${neighbours.reason}`,
    });
  }
  const live = [...found.keys()];
  const stopped = options.signal?.aborted === true;
  const names =
    options.reverseDns === false || stopped
      ? new Map<string, string>()
      : await reverseLookup(live, options.reverseDns ?? {});
  const hosts = live
    .map((ip) => toHost(ip, found.get(ip)!, byIp.get(ip), names.get(ip), nbNames.get(ip), options))
    .sort(byAddress);
  return {
    schema: 1,
    ranges: options.ranges.map((r) => r.cidr),
    startedAt: new Date(started).toISOString(),
    durationMs: ctx.now() - started,
    addressesScanned: addresses.length,
    hosts,
    cancelled: options.signal?.aborted === true,
    methods: {
      tcp: true,
      icmp: pingable.length > 0,
      neighbours: neighbours.status === 'ok',
      reverseDns: options.reverseDns !== false,
      netbios: options.netbios !== false,
    },
    notes,
  };
}
