/**
 * `xaso network`, `xaso scan` run for real inside an "office PC" namespace whose whole world the
 * test built (shared/PEERS.md): a gateway host, a DNS host running dnsmasq (the office's
 * resolv.conf points at it), public-service sites served over HTTPS by this test on the bridge
 * with a throw-away CA, a printer port. The CLI reads the namespace's real configuration
 * (`ip addr`, `ip route`, resolv.conf) — nothing is injected but the endpoint list and the CA.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LadderResult, NetworkConfig } from '../../diagnostics/network/types.js';
import type { ScanResult } from '../../diagnostics/scan/types.js';
import { createLan, type Lan, startDnsmasq } from '../helpers/netns.js';
import { createTestCa, type TestCa } from '../helpers/test-ca.js';
import { startHttp, startHttps, type TestServer } from '../helpers/web-servers.js';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const OFFICE = 20;
let lan: Lan;
let ca: TestCa;
let dir: string;
const servers: TestServer[] = [];

async function xaso(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const env = {
    ...process.env,
    PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
    XASO_DATA_DIR: dir,
    XDG_DATA_HOME: dir,
    XASO_LANG: 'vi',
  };
  try {
    const { stdout, stderr } = await exec(
      'ip',
      [
        'netns',
        'exec',
        lan.ns(OFFICE),
        join(ROOT, 'node_modules/.bin/tsx'),
        join(ROOT, 'main/cli/index.ts'),
        ...args,
      ],
      { cwd: ROOT, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  lan = await createLan({
    prefix: 'x4',
    index: 5,
    hosts: [
      { n: OFFICE, gateway: 254, dns: ['10.74.5.53'] },
      { n: 254 },
      { n: 53 },
      { n: 30, tcp: [9100] },
      { n: 31, ignorePing: true },
    ],
  });
  // The sites (this test, on the bridge) are "on the internet": the office reaches them only
  // through its router, which forwards (and sends no redirects the office would follow).
  await lan.exec(254, 'sysctl', [
    '-q',
    '-w',
    'net.ipv4.ip_forward=1',
    'net.ipv4.conf.all.send_redirects=0',
    'net.ipv4.conf.eth0.send_redirects=0',
  ]);
  await lan.exec(OFFICE, 'sysctl', [
    '-q',
    '-w',
    'net.ipv4.conf.all.accept_redirects=0',
    'net.ipv4.conf.eth0.accept_redirects=0',
  ]);
  await lan.exec(OFFICE, 'ip', ['route', 'add', `${lan.selfIp}/32`, 'via', lan.ip(254)]);
  ca = await createTestCa();
  const cert = await ca.issue(['dichvucong.gov.vn', 'vneid.gov.vn']);
  const https = await startHttps(lan.selfIp, cert);
  const ncsi = await startHttp(lan.selfIp, { body: 'Microsoft Connect Test' });
  servers.push(https, ncsi);
  const names = ['dichvucong.gov.vn', 'vneid.gov.vn', 'www.msftconnecttest.com'].map(
    (n) => `--address=/${n}/${lan.selfIp}`,
  );
  startDnsmasq(lan, 53, [...names]);
  dir = await mkdtemp(join(tmpdir(), 'x4-cli-'));
  await writeFile(join(dir, 'ca.pem'), ca.caCert);
  await writeFile(
    join(dir, 'endpoints.test.json'),
    JSON.stringify({
      connectivity: {
        url: `http://www.msftconnecttest.com:${ncsi.port}/connecttest.txt`,
        expectBody: 'Microsoft Connect Test',
      },
      endpoints: [
        {
          id: 'dvcqg',
          kind: 'portal',
          url: `https://dichvucong.gov.vn:${https.port}/`,
          name: { vi: 'Cổng DVCQG', en: 'National portal' },
        },
        {
          id: 'vneid',
          kind: 'identity',
          url: `https://vneid.gov.vn:${https.port}/`,
          name: { vi: 'VNeID', en: 'VNeID' },
        },
        {
          id: 'tinh',
          kind: 'portal',
          url: 'https://dichvucong.TINH.gov.vn/',
          placeholder: true,
          name: { vi: 'Cổng tỉnh', en: 'Province' },
        },
      ],
    }),
  );
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await ca?.cleanup();
  await lan?.teardown();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const check = () =>
  xaso([
    'network',
    'check',
    '--json',
    '--endpoints',
    join(dir, 'endpoints.test.json'),
    '--ca',
    join(dir, 'ca.pem'),
  ]);

describe('xaso network / scan inside the office namespace', () => {
  it('reads the real adapter, gateway and DNS of the namespace', async () => {
    const { stdout, code } = await xaso(['network', 'config', '--json']);
    expect(code).toBe(0);
    const config = JSON.parse(stdout) as NetworkConfig;
    expect(config.defaultGateway).toBe(lan.ip(254));
    expect(config.dnsServers).toEqual([lan.ip(53)]);
    const eth0 = config.interfaces.find((i) => i.name === 'eth0');
    expect(eth0).toMatchObject({
      up: true,
      gateway: lan.ip(254),
      ipv4: [{ address: lan.ip(OFFICE), prefix: 24, dhcp: false }],
    });
  });

  it('climbs the whole ladder when the world is fine (system resolver → dnsmasq)', async () => {
    const { stdout, code } = await check();
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as LadderResult;
    expect(result.rungs.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(result.endpoints.map((e) => [e.id, e.status])).toEqual([
      ['dvcqg', 'ok'],
      ['vneid', 'ok'],
    ]);
  });

  it('says it breaks at the gateway when the router is down, in Vietnamese', async () => {
    await lan.exec(254, 'ip', ['link', 'set', 'eth0', 'down']);
    try {
      const json = JSON.parse((await check()).stdout) as LadderResult;
      expect(json.breaksAt).toBe('gateway');
      const text = await xaso([
        'network',
        'check',
        '--endpoints',
        join(dir, 'endpoints.test.json'),
        '--ca',
        join(dir, 'ca.pem'),
      ]);
      expect(text.stdout.split('\n')[0]).toMatch(/bước 2.*gateway/);
    } finally {
      await lan.exec(254, 'ip', ['link', 'set', 'eth0', 'up']);
    }
  });

  it('scans the office LAN: finds every live host, types the gateway and the printer', async () => {
    const { stdout, code } = await xaso(['scan', lan.cidr, '--json', '--no-names']);
    expect(code).toBe(0);
    const scan = JSON.parse(stdout) as ScanResult;
    expect(scan.hosts.map((h) => h.ip)).toEqual([lan.selfIp, ...[20, 30, 31, 53, 254].map(lan.ip)]);
    expect(scan.hosts.find((h) => h.ip === lan.ip(254))).toMatchObject({
      gateway: true,
      deviceType: 'router',
    });
    expect(scan.hosts.find((h) => h.ip === lan.ip(30))).toMatchObject({
      deviceType: 'printer',
      openPorts: [9100],
    });
    expect(scan.hosts.find((h) => h.ip === lan.ip(OFFICE))?.self).toBe(true);
  });

  it('keeps the scan with a visit file (--visit)', async () => {
    const file = join(dir, 'chuyen-xa-an-phu.json');
    const created = await xaso([
      'visit',
      'new',
      '--commune',
      'Xã An Phú',
      '--province',
      'Tỉnh An Giang',
      '--intern',
      'Nguyễn Văn An',
      '--out',
      file,
    ]);
    expect(created.code).toBe(0);
    const saved = await xaso(['scan', lan.cidr, '--no-names', '--visit', file]);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toMatch(/Đã lưu kết quả quét/);
    const visit = JSON.parse(await readFile(file, 'utf8')) as {
      scans: { ranges: string[]; hosts: unknown[] }[];
    };
    expect(visit.scans).toHaveLength(1);
    expect(visit.scans[0]?.ranges).toEqual([lan.cidr]);
    expect(visit.scans[0]?.hosts.length).toBe(6);
  });

  it('scans its own range by default, and asks before a range larger than /22', async () => {
    const own = JSON.parse((await xaso(['scan', '--json', '--no-names'])).stdout) as ScanResult;
    expect(own.ranges).toEqual([lan.cidr]);
    const big = await xaso(['scan', '10.74.0.0/20']);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/--yes/);
  });
});
