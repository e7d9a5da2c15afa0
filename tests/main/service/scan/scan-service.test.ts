/**
 * `scan:run` through the service (validation, confirmation above /22, progress, cancel) against
 * a namespace LAN, with reverse DNS answered by a real dnsmasq in one of the hosts and a
 * Windows-like PC name answered by Samba's nmbd (NetBIOS node status) in another.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ScanResult } from '../../../../diagnostics/scan/types.js';
import type { Progress } from '../../../../main/service/define.js';
import { defaultEnv } from '../../../../main/service/env.js';
import { createService, type Service } from '../../../../main/service/index.js';
import { netbiosNames } from '../../../../diagnostics/scan/netbios.js';
import { createLan, type Lan, startDnsmasq } from '../../../helpers/netns.js';
import { startNmbd } from '../../../helpers/nmbd.js';

let lan: Lan;
let service: Service;
let dataDir: string;
let nmbdDir: string;

beforeAll(async () => {
  lan = await createLan({
    prefix: 'x4',
    index: 4,
    hosts: [{ n: 10, tcp: [9100] }, { n: 11, ignorePing: true }, { n: 12 }, { n: 53 }],
  });
  nmbdDir = await startNmbd(lan, 12, 'KETOAN-PC', 'UBND-XA', async (ip) =>
    (await netbiosNames([ip], { timeoutMs: 300 })).has(ip),
  );
  startDnsmasq(lan, 53, [`--ptr-record=10.4.74.10.in-addr.arpa,may-in-mot-cua.xa.local`]);
  dataDir = await mkdtemp(join(tmpdir(), 'x4-scan-'));
  service = createService(defaultEnv({ door: 'test', dataDir, version: '0.0.0' }));
  await new Promise((r) => setTimeout(r, 300));
});

afterAll(async () => {
  await lan?.teardown();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (nmbdDir) await rm(nmbdDir, { recursive: true, force: true });
});

describe('scan:run', () => {
  it('scans the given range with progress, and names hosts by reverse DNS', async () => {
    const events: Progress[] = [];
    const result = await service.invoke(
      'scan:run',
      { cidr: lan.cidr, dnsServers: [lan.ip(53)] },
      { onProgress: (e) => events.push(e) },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const scan = result.value as ScanResult;
    expect(scan.hosts.map((h) => h.ip)).toEqual([
      lan.selfIp,
      lan.ip(10),
      lan.ip(11),
      lan.ip(12),
      lan.ip(53),
    ]);
    expect(scan.hosts.find((h) => h.ip === lan.ip(12))).toMatchObject({
      hostname: 'KETOAN-PC',
      netbios: { name: 'KETOAN-PC', workgroup: 'UBND-XA' },
      deviceType: 'pc',
    });
    expect(scan.hosts.find((h) => h.ip === lan.ip(11))?.netbios).toBeUndefined();
    const printer = scan.hosts.find((h) => h.ip === lan.ip(10))!;
    expect(printer).toMatchObject({
      deviceType: 'printer',
      openPorts: [9100],
      hostname: 'may-in-mot-cua.xa.local',
    });
    expect(scan.hosts.find((h) => h.ip === lan.selfIp)?.self).toBe(true);
    expect(events.at(-1)?.percent).toBe(100);
    expect(events.every((e) => e.label?.vi !== undefined)).toBe(true);
  });

  it('refuses a bad range, and asks for confirmation above /22', async () => {
    const bad = await service.invoke('scan:run', { cidr: '10.74.4.0/99' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const large = await service.invoke('scan:run', { cidr: '10.74.0.0/20' });
    expect(large).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!large.ok) expect(large.error.message.vi).toMatch(/xác nhận/);
    const huge = await service.invoke('scan:run', { cidr: '10.0.0.0/8', confirmLarge: true });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('returns what it found so far when cancelled', async () => {
    const controller = new AbortController();
    const pending = service.invoke(
      'scan:run',
      { cidr: lan.cidr, reverseDns: false },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 30);
    const result = await pending;
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value as ScanResult).cancelled).toBe(true);
  });
});
