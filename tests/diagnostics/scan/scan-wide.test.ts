/**
 * A /23 office (hosts in both halves) scanned as this machine's own link: every host found in
 * both halves, printers typed, the ARP-only host (ignores ping, drops every TCP segment) seen,
 * the same answer on every run, and no `ping` process spawned while sockets are waiting.
 */
import { networkInterfaces } from 'node:os';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { onLinkRanges, parseCidr } from '../../../diagnostics/scan/cidr.js';
import { scanLan } from '../../../diagnostics/scan/scan-lan.js';
import { probeTcp } from '../../../diagnostics/scan/tcp-probe.js';
import type { RunCommand } from '../../../diagnostics/types.js';
import { createLan, type Lan, type LanHostSpec } from '../../helpers/netns.js';

let lan: Lan;
// Per half: a printer (9100), a PC (445, ignores ping), a plain host, an ARP-only host.
const half = (base: number): LanHostSpec[] => [
  { n: base + 10, tcp: [9100] },
  { n: base + 11, tcp: [445], ignorePing: true },
  { n: base + 12 },
  { n: base + 13, arpOnly: true },
];
const HOSTS = [...half(0), ...half(256)];

beforeAll(async () => {
  lan = await createLan({ prefix: 'h4', index: 8, prefixLength: 23, hosts: HOSTS });
  // The listeners are processes of their own: wait until each accepts.
  for (const h of HOSTS) {
    for (const port of h.tcp ?? []) {
      while ((await probeTcp(lan.ip(h.n), port, 500)) !== 'open')
        await new Promise((r) => setTimeout(r, 50));
    }
  }
});

afterAll(async () => {
  await lan?.teardown();
});

const scan = (extra: Partial<Parameters<typeof scanLan>[1]> = {}) =>
  scanLan(createProbeContext(), {
    ranges: [parseCidr(lan.cidr)!],
    onLink: onLinkRanges(networkInterfaces()),
    reverseDns: false,
    netbios: false,
    selfAddresses: [lan.selfIp],
    ...extra,
  });

describe('scanLan on a /23 office', () => {
  it('treats both halves as on-link, finds every host, and types them the same on every run', async () => {
    expect(onLinkRanges(networkInterfaces()).map((r) => r.cidr)).toContain(lan.cidr);
    const runs = [await scan(), await scan(), await scan()];
    const expected = [lan.selfIp, ...HOSTS.map((h) => lan.ip(h.n))];
    for (const result of runs) {
      expect(result.addressesScanned).toBe(510);
      expect(result.methods.icmp).toBe(false);
      expect(result.hosts.map((h) => h.ip)).toEqual(expected);
      const by = (n: number) => result.hosts.find((h) => h.ip === lan.ip(n));
      for (const base of [0, 256]) {
        expect(by(base + 10)).toMatchObject({ deviceType: 'printer', openPorts: [9100] });
        expect(by(base + 11)).toMatchObject({ deviceType: 'pc', openPorts: [445] });
        expect(by(base + 12)?.evidence).toContain('tcp-refused');
        expect(by(base + 13)?.evidence).toEqual(['arp']);
      }
    }
    const types = runs.map((r) =>
      r.hosts.map((h) => `${h.ip} ${h.deviceType} ${h.openPorts.join(',')}`),
    );
    expect(types[1]).toEqual(types[0]);
    expect(types[2]).toEqual(types[0]);
  });

  it('spawns no ping while the TCP phase runs', async () => {
    const events: string[] = [];
    const real = createProbeContext();
    const run: RunCommand = (file, args, options) => {
      events.push(`run ${file}`);
      return real.run(file, args, options);
    };
    // Off-link for the scan (so it pings what TCP did not find): the first half's last /26.
    const range = parseCidr(`${lan.ip(192)}/26`)!;
    const result = await scanLan(
      { ...real, run },
      {
        ranges: [range],
        onLink: [],
        icmp: 'auto',
        reverseDns: false,
        netbios: false,
        connectTimeoutMs: 300,
        onProgress: (p) => events.push(`tcp ${p.done}/${p.total}`),
      },
    );
    expect(result.methods.icmp).toBe(true);
    const lastTcp = events.lastIndexOf(`tcp ${range.size}/${range.size}`);
    const firstPing = events.indexOf('run ping');
    expect(lastTcp).toBeGreaterThan(-1);
    expect(firstPing).toBeGreaterThan(lastTcp);
  });
});
