/**
 * Bench: `xaso scan` as a user types it (the built CLI, start-up included) against `nmap -sn -n`
 * (root: ARP discovery) on two simulated offices of namespace hosts behind a test bridge: a /24
 * with 40 hosts and a /22 with 160, mixed as offices are (hosts that answer ping, printers on
 * 9100 or 631, hosts that ignore ping, SMB PCs, hosts that answer nothing but ARP). 5 runs each,
 * alternating, the neighbour cache flushed before every run. Prints median/min/max, recall, false
 * hosts, printers typed, and how the time grows from /24 to /22. Target: ratio ≤ 0.6 at both
 * sizes. Needs root, iproute2, nmap and `npm run build`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { ScanResult } from '../../diagnostics/scan/types.js';
import { createLan, type Lan, type LanHostSpec } from '../../tests/helpers/netns.js';

const exec = promisify(execFile);
const RUNS = 5;

type Kind = 'plain' | 'printer' | 'silent' | 'smb' | 'ipp-printer' | 'arp-only';
const MIX: readonly Kind[] = [
  'plain',
  'printer',
  'silent',
  'smb',
  'ipp-printer',
  'arp-only',
  'plain',
  'printer',
];

function spec(n: number, kind: Kind): LanHostSpec {
  switch (kind) {
    case 'plain':
      return { n };
    case 'printer':
      return { n, tcp: [9100] };
    case 'silent':
      return { n, ignorePing: true };
    case 'smb':
      return { n, tcp: [445], ignorePing: true };
    case 'ipp-printer':
      return { n, tcp: [631, 9100], ignorePing: true };
    case 'arp-only':
      return { n, arpOnly: true };
  }
}

/** `count` hosts spread over a range of `size` addresses, kinds in the office mix. */
function office(count: number, size: number): { hosts: LanHostSpec[]; printers: number[] } {
  const step = Math.floor((size - 20) / count);
  const hosts = Array.from({ length: count }, (_, i) =>
    spec(10 + i * step, MIX[i % MIX.length] ?? 'plain'),
  );
  return { hosts, printers: hosts.filter((h) => h.tcp?.includes(9100) === true).map((h) => h.n) };
}

type Run = Readonly<{ ms: number; ips: string[]; printers?: string[] }>;

async function nmap(cidr: string): Promise<Run> {
  const start = performance.now();
  const { stdout } = await exec('nmap', ['-sn', '-n', '-oG', '-', cidr]);
  return {
    ms: performance.now() - start,
    ips: [...stdout.matchAll(/^Host: (\S+)/gm)].map((m) => m[1] ?? ''),
  };
}

async function xaso(cidr: string): Promise<Run> {
  const start = performance.now();
  const { stdout } = await exec(
    process.execPath,
    ['out/cli/xaso.js', 'scan', cidr, '--json', '--no-names'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const ms = performance.now() - start;
  const result = JSON.parse(stdout) as ScanResult;
  return {
    ms,
    ips: result.hosts.map((h) => h.ip),
    printers: result.hosts.filter((h) => h.deviceType === 'printer').map((h) => h.ip),
  };
}

const stats = (xs: readonly number[]): { median: number; min: number; max: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? NaN, min: s[0] ?? NaN, max: s.at(-1) ?? NaN };
};
const fmt = (xs: readonly number[]): string => {
  const { median, min, max } = stats(xs);
  return `${median.toFixed(0)} ms (min ${min.toFixed(0)}, max ${max.toFixed(0)})`;
};

async function waitForListeners(lan: Lan, hosts: readonly LanHostSpec[]): Promise<void> {
  const { probeTcp } = await import('../../diagnostics/scan/tcp-probe.js');
  for (const h of hosts)
    for (const port of h.tcp ?? [])
      while ((await probeTcp(lan.ip(h.n), port, 500)) !== 'open')
        await new Promise((r) => setTimeout(r, 50));
}

type Figures = Readonly<{ addresses: number; xaso: number[]; nmap: number[] }>;

async function measure(
  label: string,
  prefixLength: 22 | 24,
  index: number,
  count: number,
): Promise<Figures> {
  const size = 2 ** (32 - prefixLength) - 2;
  const { hosts, printers } = office(count, size);
  const lan = await createLan({ prefix: 'h4', index, prefixLength, hosts });
  try {
    await waitForListeners(lan, hosts);
    const expected = new Set([lan.selfIp, ...hosts.map((h) => lan.ip(h.n))]);
    const printerIps = printers.map(lan.ip);
    const ours: Run[] = [];
    const theirs: Run[] = [];
    for (let round = 0; round < RUNS; round += 1) {
      await exec('ip', ['neigh', 'flush', 'dev', lan.bridge]).catch(() => undefined);
      theirs.push(await nmap(lan.cidr));
      await exec('ip', ['neigh', 'flush', 'dev', lan.bridge]).catch(() => undefined);
      ours.push(await xaso(lan.cidr));
    }
    const recall = (r: Run): number => r.ips.filter((ip) => expected.has(ip)).length;
    const falseHosts = (r: Run): number => r.ips.filter((ip) => !expected.has(ip)).length;
    const typed = (r: Run): number =>
      printerIps.filter((ip) => r.printers?.includes(ip) === true).length;
    const per = (runs: readonly Run[], f: (r: Run) => number): string => runs.map(f).join('/');
    console.log(
      `\n${label}: ${lan.cidr}, ${hosts.length} namespace hosts + this machine (${expected.size} live), ${printers.length} printers`,
    );
    console.log(
      `  xaso scan  : ${fmt(ours.map((r) => r.ms))}; found ${per(ours, recall)} of ${expected.size}, false ${per(ours, falseHosts)}, printers typed ${per(ours, typed)} of ${printers.length}`,
    );
    console.log(
      `  nmap -sn -n: ${fmt(theirs.map((r) => r.ms))}; found ${per(theirs, recall)} of ${expected.size}, false ${per(theirs, falseHosts)}`,
    );
    const ratio = stats(ours.map((r) => r.ms)).median / stats(theirs.map((r) => r.ms)).median;
    console.log(`  ratio      : ${ratio.toFixed(2)}× (target ≤ 0.60×)`);
    return { addresses: size, xaso: ours.map((r) => r.ms), nmap: theirs.map((r) => r.ms) };
  } finally {
    await lan.teardown();
  }
}

/** Runs the bench: /24 with 40 hosts, /22 with 160, then how time grows with the range. */
export async function run(): Promise<void> {
  const small = await measure('/24 office', 24, 7, 40);
  const large = await measure('/22 office', 22, 9, 160);
  const grow = (a: number[], b: number[]): string => (stats(b).median / stats(a).median).toFixed(2);
  console.log(
    `\ngrowth /24 → /22 (${(large.addresses / small.addresses).toFixed(1)}× the addresses, 4× the hosts): xaso ${grow(small.xaso, large.xaso)}×, nmap ${grow(small.nmap, large.nmap)}×`,
  );
  console.log(
    `  per address: xaso ${(stats(small.xaso).median / small.addresses).toFixed(2)} → ${(stats(large.xaso).median / large.addresses).toFixed(2)} ms, nmap ${(stats(small.nmap).median / small.addresses).toFixed(2)} → ${(stats(large.nmap).median / large.addresses).toFixed(2)} ms`,
  );
}
