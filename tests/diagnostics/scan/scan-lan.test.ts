/**
 * The LAN scan against a real simulated office: hosts in network namespaces behind a bridge
 * (tests/helpers/netns.ts). Some answer ping, some ignore it, one runs a real IPP printer
 * (ippeveprinter) on 631, one listens on 9100, one drops nothing but offers no port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { parseCidr } from '../../../diagnostics/scan/cidr.js';
import { scanLan } from '../../../diagnostics/scan/scan-lan.js';
import { startIppPrinter, type IppPrinter } from '../../helpers/ipp-printer.js';
import { createLan, type Lan } from '../../helpers/netns.js';

let lan: Lan;
let printer: IppPrinter;

beforeAll(async () => {
  lan = await createLan({
    prefix: 'x4',
    index: 1,
    hosts: [
      { n: 10 }, // plain host, answers ping, no service
      { n: 11, ignorePing: true }, // plain host that ignores ping
      { n: 12, ignorePing: true, hostname: 'x4printer' }, // IPP printer on 631
      { n: 13, tcp: [9100] }, // raw-print port only
      { n: 14, ignorePing: true, tcp: [22, 445] }, // a PC-like host
      { n: 254 }, // the gateway
    ],
  });
  printer = await startIppPrinter({
    netns: lan.ns(12),
    port: 631,
    hostname: 'x4printer',
    address: lan.ip(12),
  });
});

afterAll(async () => {
  await printer?.stop();
  await lan?.teardown();
});

describe('scanLan on a namespace LAN', () => {
  it('finds exactly the live hosts, with MACs, ports and types', async () => {
    const range = parseCidr(lan.cidr)!;
    const progress: number[] = [];
    const result = await scanLan(createProbeContext(), {
      ranges: [range],
      reverseDns: false,
      selfAddresses: [lan.selfIp],
      gateways: [lan.ip(254)],
      onProgress: (p) => progress.push(p.done),
    });
    const ips = result.hosts.map((h) => h.ip);
    expect(ips).toEqual([lan.selfIp, ...[10, 11, 12, 13, 14, 254].map(lan.ip)]);
    const by = (n: number) => result.hosts.find((h) => h.ip === lan.ip(n))!;
    expect(by(12).openPorts).toEqual([631]);
    expect(by(12).deviceType).toBe('printer');
    expect(by(13).openPorts).toEqual([9100]);
    expect(by(13).deviceType).toBe('printer');
    expect(by(14).openPorts).toEqual([22, 445]);
    expect(by(14).deviceType).toBe('pc');
    expect(by(254).deviceType).toBe('router');
    expect(by(10).deviceType).toBe('unknown');
    expect(by(11).evidence).toContain('tcp-refused');
    expect(by(11).mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(result.addressesScanned).toBe(254);
    expect(progress.at(-1)).toBe(254);
    expect(result.cancelled).toBe(false);
  });

  it('finds hosts by ICMP when asked to ping, and by ARP alone', async () => {
    const range = parseCidr(`${lan.ip(8)}/29`)!; // .9–.14
    const result = await scanLan(createProbeContext(), {
      ranges: [range],
      icmp: 'always',
      ports: [],
      reverseDns: false,
    });
    const by = new Map(result.hosts.map((h) => [h.ip, h.evidence]));
    expect(by.get(lan.ip(10))).toContain('icmp');
    expect(by.get(lan.ip(11))).not.toContain('icmp');
    expect(by.get(lan.ip(11))).toContain('arp');
    expect([...by.keys()]).toEqual([10, 11, 12, 13, 14].map(lan.ip));
  });

  it('stops when cancelled and says so', async () => {
    const controller = new AbortController();
    const pending = scanLan(createProbeContext(), {
      ranges: [parseCidr(lan.cidr)!],
      reverseDns: false,
      signal: controller.signal,
      concurrency: 16,
    });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(result.cancelled).toBe(true);
  });
});
