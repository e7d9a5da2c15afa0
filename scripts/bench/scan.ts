/**
 * Bench: `xaso scan` core vs `nmap -sn -n` on the same simulated /24 (21 namespace hosts behind a
 * test bridge, some ignoring ping, a few with services), measured in the same run. Target: our
 * time ≤ 0.8 × nmap's, with the same hosts found. Reverse DNS is off on both sides (nmap `-n`);
 * our NetBIOS queries stay on (they run during the TCP phase). Needs root, iproute2 and nmap.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { createProbeContext } from '../../diagnostics/context.js';
import { parseCidr } from '../../diagnostics/scan/cidr.js';
import { scanLan } from '../../diagnostics/scan/scan-lan.js';
import { createLan, type LanHostSpec } from '../../tests/helpers/netns.js';

const exec = promisify(execFile);

function hostsSpec(): LanHostSpec[] {
  const hosts: LanHostSpec[] = [];
  for (let n = 10; n < 30; n += 1) {
    hosts.push({ n, ignorePing: n % 3 === 0, tcp: n % 5 === 0 ? [9100] : n % 7 === 0 ? [445] : [] });
  }
  hosts.push({ n: 254 });
  return hosts;
}

async function nmap(cidr: string): Promise<{ ms: number; ips: string[] }> {
  const start = performance.now();
  const { stdout } = await exec('nmap', ['-sn', '-n', '-oG', '-', cidr]);
  const ms = performance.now() - start;
  const ips = [...stdout.matchAll(/^Host: (\S+)/gm)].map((m) => m[1] ?? '');
  return { ms, ips };
}

async function ours(cidr: string): Promise<{ ms: number; ips: string[] }> {
  const start = performance.now();
  const result = await scanLan(createProbeContext(), { ranges: [parseCidr(cidr)!], reverseDns: false });
  return { ms: performance.now() - start, ips: result.hosts.map((h) => h.ip) };
}

const sorted = (ips: string[]): string[] => [...new Set(ips)].sort();

/** Runs the bench: 3 rounds each, alternating, median times printed with the ratio. */
export async function run(): Promise<void> {
  const lan = await createLan({ prefix: 'x4', index: 7, hosts: hostsSpec() });
  try {
    const a: number[] = [];
    const b: number[] = [];
    let last = { oursIps: [] as string[], nmapIps: [] as string[] };
    for (let round = 0; round < 3; round += 1) {
      await exec('ip', ['neigh', 'flush', 'dev', lan.bridge]).catch(() => undefined);
      const n = await nmap(lan.cidr);
      await exec('ip', ['neigh', 'flush', 'dev', lan.bridge]).catch(() => undefined);
      const o = await ours(lan.cidr);
      a.push(o.ms);
      b.push(n.ms);
      last = { oursIps: o.ips, nmapIps: n.ips };
    }
    const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[1] ?? NaN;
    const mo = median(a);
    const mn = median(b);
    const same = JSON.stringify(sorted(last.oursIps)) === JSON.stringify(sorted(last.nmapIps));
    console.log(`LAN ${lan.cidr}: ${lan.hosts.length} namespace hosts + this machine (.1)`);
    console.log(`xaso scan : ${mo.toFixed(0)} ms (median of 3), hosts found ${last.oursIps.length}`);
    console.log(`nmap -sn  : ${mn.toFixed(0)} ms (median of 3), hosts found ${last.nmapIps.length}`);
    console.log(`ratio     : ${(mo / mn).toFixed(2)}× (target ≤ 0.80×) — same hosts: ${same ? 'yes' : 'NO'}`);
    if (!same) console.log(`  only xaso: ${last.oursIps.filter((ip) => !last.nmapIps.includes(ip)).join(', ')}; only nmap: ${last.nmapIps.filter((ip) => !last.oursIps.includes(ip)).join(', ')}`);
  } finally {
    await lan.teardown();
  }
}
