/**
 * The reachability ladder against a world built for the test: a gateway host and a DNS host
 * (real `dnsmasq`) in network namespaces, and HTTPS servers on the test bridge with certificates
 * from a throw-away CA (valid, expired, wrong host), an HTTP error, a slow answer, a captive
 * portal. Every failure must be named at the right rung.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { runLadder, type LadderOptions } from '../../../diagnostics/network/ladder.js';
import { findingsOf, tallyChecks } from '../../../diagnostics/findings.js';
import { ladderChecks, networkProbe } from '../../../diagnostics/network/network-probe.js';
import type { Endpoint, NetworkConfig } from '../../../diagnostics/network/types.js';
import { startProxy } from '../../helpers/http-proxy.js';
import { createLan, type Lan, startDnsmasq } from '../../helpers/netns.js';
import { createTestCa, type TestCa } from '../../helpers/test-ca.js';
import { startHttp, startHttps, type TestServer } from '../../helpers/web-servers.js';

let lan: Lan;
let ca: TestCa;
const servers: TestServer[] = [];
const port: Record<string, number> = {};
const NAMES = [
  'dichvucong.gov.vn',
  'vneid.gov.vn',
  'expired.gov.vn',
  'clock.gov.vn',
  'error.gov.vn',
  'slow.gov.vn',
  'ncsi.test',
  'captive.test',
  'ahead.gov.vn',
  'behind.gov.vn',
  'future.gov.vn',
];
const DAY = 86_400_000;

beforeAll(async () => {
  lan = await createLan({ prefix: 'h4', index: 7, hosts: [{ n: 254 }, { n: 53 }] });
  const self = lan.selfIp;
  const addresses = NAMES.map((n) => `--address=/${n}/${self}`);
  startDnsmasq(lan, 53, ['--address=/missing.gov.vn/', ...addresses]);
  ca = await createTestCa();
  const good = await ca.issue(['dichvucong.gov.vn', 'error.gov.vn', 'slow.gov.vn']);
  const other = await ca.issue(['other.example.vn']);
  const expired = await ca.issue(['expired.gov.vn', 'clock.gov.vn'], {
    notBefore: new Date('2020-01-01'),
    notAfter: new Date('2021-01-01'),
  });
  const add = async (key: string, server: Promise<TestServer>): Promise<void> => {
    const s = await server;
    servers.push(s);
    port[key] = s.port;
  };
  await add('good', startHttps(self, good));
  await add('wronghost', startHttps(self, other));
  await add('expired', startHttps(self, expired));
  await add('clock', startHttps(self, expired, { date: new Date('2020-06-01T00:00:00Z') }));
  await add('error', startHttps(self, good, { status: 503 }));
  await add('slow', startHttps(self, good, { delayMs: 4000 }));
  // This PC two years fast (the server's Date and certificate are of two years ago) or slow.
  const now = Date.now();
  const ago = await ca.issue(['ahead.gov.vn'], {
    notBefore: new Date(now - 731 * DAY),
    notAfter: new Date(now - 729 * DAY),
  });
  const ahead = await ca.issue(['behind.gov.vn'], {
    notBefore: new Date(now + 729 * DAY),
    notAfter: new Date(now + 731 * DAY),
  });
  const future = await ca.issue(['future.gov.vn'], {
    notBefore: new Date(now + 365 * DAY),
    notAfter: new Date(now + 730 * DAY),
  });
  await add('ahead', startHttps(self, ago, { date: new Date(now - 730 * DAY) }));
  await add('behind', startHttps(self, ahead, { date: new Date(now + 730 * DAY) }));
  await add('future', startHttps(self, future));
  await add('ncsi', startHttp(self, { body: 'Microsoft Connect Test' }));
  await add(
    'captive',
    startHttp(self, { status: 302, headers: { location: 'http://login.portal.test/' } }),
  );
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await ca?.cleanup();
  await lan?.teardown();
});

const config = (overrides: Partial<NetworkConfig> = {}): NetworkConfig => ({
  interfaces: [
    {
      name: 'eth0',
      kind: 'wired',
      up: true,
      ipv4: [{ address: lan.selfIp, prefix: 24, dhcp: true }],
      dns: [lan.ip(53)],
    },
  ],
  defaultGateway: lan.ip(254),
  dnsServers: [lan.ip(53)],
  proxy: { enabled: false, source: 'none' },
  ...overrides,
});

const endpoint = (id: string, host: string, key: string): Endpoint => ({
  id,
  kind: 'portal',
  name: { vi: id, en: id },
  url: `https://${host}:${port[key]}/`,
});

function options(endpoints: Endpoint[], overrides: Partial<LadderOptions> = {}): LadderOptions {
  return {
    config: config(),
    endpoints,
    connectivity: {
      url: `http://ncsi.test:${port['ncsi']}/connecttest.txt`,
      expectBody: 'Microsoft Connect Test',
    },
    dnsServers: [lan.ip(53)],
    ca: [ca.caCert],
    // Generous limits: the machine is shared and loaded; "slow" is 4 s against a 2.5 s threshold.
    timeoutMs: 10_000,
    slowMs: 2500,
    ...overrides,
  };
}

const ctx = () => createProbeContext();

describe('reachability ladder', () => {
  it('is all ok when everything answers', async () => {
    const result = await runLadder(ctx(), options([endpoint('dvc', 'dichvucong.gov.vn', 'good')]));
    expect(result.rungs.map((r) => [r.id, r.status])).toEqual([
      ['link', 'ok'],
      ['gateway', 'ok'],
      ['dns', 'ok'],
      ['internet', 'ok'],
      ['endpoints', 'ok'],
    ]);
    expect(result.breaksAt).toBeUndefined();
    expect(result.endpoints[0]).toMatchObject({
      status: 'ok',
      httpStatus: 200,
      addresses: [lan.selfIp],
    });
    expect(result.endpoints[0]?.tls?.authorized).toBe(true);
  });

  it('breaks at the gateway when there is none, or it is down', async () => {
    const { defaultGateway: _unused, ...withoutGateway } = config();
    const none = await runLadder(
      ctx(),
      options([], {
        config: withoutGateway,
        connectivity: { url: `http://${lan.ip(250)}:80/`, expectBody: 'Microsoft Connect Test' },
      }),
    );
    expect(none.breaksAt).toBe('gateway');
    expect(none.verdict.vi).toMatch(/bước 2/);
    // No gateway, but the site answers (here on the office's own network): nothing is broken.
    const reaches = await runLadder(
      ctx(),
      options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], { config: withoutGateway }),
    );
    expect(reaches.rungs.find((r) => r.id === 'gateway')?.status).toBe('ok');
    expect(reaches.breaksAt).toBeUndefined();
    const down = await runLadder(
      ctx(),
      options([], { config: config({ defaultGateway: lan.ip(250) }) }),
    );
    expect(down.rungs.find((r) => r.id === 'gateway')?.status).toBe('fail');
  });

  it('breaks at DNS when the server is silent, and names an unknown name', async () => {
    const silent = await runLadder(
      ctx(),
      options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], {
        dnsServers: [lan.ip(52)],
        config: config({ dnsServers: [lan.ip(52)] }),
      }),
    );
    expect(silent.breaksAt).toBe('dns');
    expect(silent.endpoints[0]?.breaksAt).toBe('dns');
    expect(silent.rungs.find((r) => r.id === 'dns')?.detail.en).toMatch(
      /does not answer \(waited \d+ ms\)/,
    );
    const unknown = await runLadder(
      ctx(),
      options([endpoint('gone', 'missing.gov.vn', 'good')], {
        connectivity: {
          url: `http://missing.gov.vn:${port['ncsi']}/`,
          expectBody: 'Microsoft Connect Test',
        },
      }),
    );
    expect(unknown.breaksAt).toBe('dns');
    expect(unknown.rungs.find((r) => r.id === 'dns')?.detail.en).toMatch(
      /does not know any of the names: "missing.gov.vn"/,
    );
    expect(unknown.rungs.find((r) => r.id === 'dns')?.fix?.en).toMatch(/1\.1\.1\.1/);
  });

  it('with DNS down, the sites are affected by the DNS check: one cause, one finding', async () => {
    const result = await runLadder(
      ctx(),
      options(
        [
          endpoint('dvc', 'dichvucong.gov.vn', 'good'),
          endpoint('vneid', 'vneid.gov.vn', 'good'),
          endpoint('ca', 'ca.vnpt.vn', 'good'),
        ],
        { dnsServers: [lan.ip(52)], config: config({ dnsServers: [lan.ip(52)] }) },
      ),
    );
    const checks = ladderChecks(result);
    const sites = checks.filter((c) => c.id.startsWith('network.endpoint.'));
    expect(sites.map((c) => [c.status, c.blockedBy])).toEqual([
      ['fail', 'network.dns'],
      ['fail', 'network.dns'],
      ['fail', 'network.dns'],
    ]);
    const findings = findingsOf(checks);
    const dns = findings.find((f) => f.check.id === 'network.dns');
    expect(dns?.affected.map((c) => c.id).sort()).toEqual(
      expect.arrayContaining(sites.map((c) => c.id).sort()),
    );
    expect(findings.filter((f) => f.check.id.startsWith('network.endpoint.'))).toEqual([]);
    expect(tallyChecks(checks).affected).toBeGreaterThanOrEqual(3);
  });

  it('blames one unknown name, not the resolver, when the other names resolve', async () => {
    const result = await runLadder(
      ctx(),
      options([
        endpoint('dvc', 'dichvucong.gov.vn', 'good'),
        endpoint('vneid', 'slow.gov.vn', 'good'),
        endpoint('gone', 'missing.gov.vn', 'good'),
      ]),
    );
    const dns = result.rungs.find((r) => r.id === 'dns');
    expect(dns?.status).toBe('ok');
    expect(dns?.fix).toBeUndefined();
    expect(dns?.detail.en).toMatch(
      /3\/4 names resolved.*only "missing.gov.vn" does not exist in DNS/,
    );
    expect(dns?.detail.vi).toMatch(/chỉ "missing.gov.vn" không có trong DNS/);
    expect(JSON.stringify(result)).not.toMatch(/1\.1\.1\.1|8\.8\.8\.8/);
    expect(result.endpoints.find((e) => e.id === 'gone')).toMatchObject({
      status: 'fail',
      breaksAt: 'dns',
      dnsCode: 'ENOTFOUND',
    });
    expect(result.breaksAt).toBe('endpoints');
    expect(result.verdict.en).toMatch(/some public-service sites cannot be reached/);
  });

  it('does not blame the internet when the connectivity test fails but the sites answer', async () => {
    const result = await runLadder(
      ctx(),
      options(
        [endpoint('dvc', 'dichvucong.gov.vn', 'good'), endpoint('vneid', 'slow.gov.vn', 'good')],
        {
          connectivity: {
            url: `http://ncsi.test:1/connecttest.txt`,
            expectBody: 'Microsoft Connect Test',
          },
        },
      ),
    );
    const internet = result.rungs.find((r) => r.id === 'internet');
    expect(internet?.status).toBe('ok');
    expect(internet?.detail.en).toMatch(
      /^The internet works: 2 public-service sites are reachable \(the connectivity test was not: .*ECONNREFUSED/,
    );
    expect(result.breaksAt).toBeUndefined();
    expect(result.verdict.vi).not.toMatch(/bước 4/);
  });

  it('does not blame a gateway that ignores ping when sites answer through it', async () => {
    const result = await runLadder(
      ctx(),
      options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], {
        config: config({ defaultGateway: lan.ip(250) }),
      }),
    );
    const gateway = result.rungs.find((r) => r.id === 'gateway');
    expect(gateway?.status).toBe('ok');
    expect(gateway?.detail.en).toMatch(
      /does not answer\. But it forwards traffic: 1 outside sites answer through it/,
    );
    expect(result.breaksAt).toBeUndefined();
  });

  it('counts the same sites in both languages: slow sites are reachable', async () => {
    const result = await runLadder(
      ctx(),
      options(
        [
          endpoint('dvc', 'dichvucong.gov.vn', 'good'),
          endpoint('vneid', 'slow.gov.vn', 'good'),
          endpoint('error', 'error.gov.vn', 'error'),
        ],
        { slowMs: -1 },
      ),
    );
    const sites = result.rungs.find((r) => r.id === 'endpoints');
    expect(result.endpoints.map((e) => e.explanation.en.startsWith('Reachable but slow'))).toEqual([
      true,
      true,
      false,
    ]);
    expect(sites?.detail.en).toBe('2/3 sites reachable, 2 slow or needing attention, 1 failing.');
    expect(sites?.detail.vi).toBe('2/3 trang vào được, 2 trang chậm hoặc cần chú ý, 1 trang lỗi.');
  });

  it('says a TLS code once', async () => {
    const result = await runLadder(
      ctx(),
      options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], { ca: [] }),
    );
    const tls = result.endpoints[0]?.tls;
    expect(tls?.authorized).toBe(false);
    expect(tls?.error).toMatch(/^[A-Z_]+$/);
    const code = tls?.error ?? '';
    expect(result.endpoints[0]?.explanation.en.split(code)).toHaveLength(2);
  });

  it('names each endpoint failure: expired and wrong-host certificates, HTTP error, slow answer', async () => {
    const result = await runLadder(
      ctx(),
      options([
        endpoint('expired', 'expired.gov.vn', 'expired'),
        endpoint('wrong', 'vneid.gov.vn', 'wronghost'),
        endpoint('error', 'error.gov.vn', 'error'),
        endpoint('slow', 'slow.gov.vn', 'slow'),
      ]),
    );
    const by = Object.fromEntries(result.endpoints.map((e) => [e.id, e]));
    expect(by['expired']).toMatchObject({ status: 'fail', breaksAt: 'tls' });
    expect(by['expired']?.tls?.error).toBe('CERT_HAS_EXPIRED');
    expect(by['expired']?.explanation.vi).toMatch(/đã hết hạn ngày 2021-01-01\./);
    expect(by['expired']?.explanation.en).toMatch(/expired on 2021-01-01\./);
    expect(by['wrong']).toMatchObject({ status: 'fail', breaksAt: 'tls' });
    expect(by['wrong']?.explanation.en).toMatch(/not for this name/);
    expect(by['error']).toMatchObject({ status: 'fail', breaksAt: 'http', httpStatus: 503 });
    expect(by['slow']).toMatchObject({ status: 'warn', breaksAt: 'slow', httpStatus: 200 });
    expect(result.breaksAt).toBe('endpoints');
  });

  it("blames the PC clock when the certificate is valid at the server's time", async () => {
    const result = await runLadder(ctx(), options([endpoint('clock', 'clock.gov.vn', 'clock')]));
    expect(result.endpoints[0]).toMatchObject({ status: 'fail', breaksAt: 'clock' });
    const skewed = await runLadder(
      ctx(),
      options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], {
        now: () => Date.now() + 3 * 3_600_000,
      }),
    );
    expect(skewed.endpoints[0]).toMatchObject({ status: 'warn', breaksAt: 'clock' });
    expect(skewed.endpoints[0]?.explanation.vi).toMatch(/đồng hồ máy nhanh 3 giờ so với máy chủ/);
    expect(skewed.endpoints[0]?.explanation.en).toMatch(/clock is 3 hours fast/);
  });

  it('says how far and which way the clock is off, and "expired" or "not yet valid" as the PC sees it', async () => {
    const fast = await runLadder(ctx(), options([endpoint('ahead', 'ahead.gov.vn', 'ahead')]));
    expect(fast.endpoints[0]).toMatchObject({ status: 'fail', breaksAt: 'clock' });
    expect(fast.endpoints[0]?.explanation.vi).toMatch(
      /Đồng hồ máy tính nhanh 730 ngày so với máy chủ, nên chứng thư số của trang có vẻ đã hết hạn/,
    );
    expect(fast.verdict.vi).toMatch(/^Đồng hồ máy tính sai \(nhanh 730 ngày\)/);
    expect(fast.verdict.en).toMatch(/^This PC's clock is wrong \(730 days fast\)/);
    const slow = await runLadder(ctx(), options([endpoint('behind', 'behind.gov.vn', 'behind')]));
    expect(slow.endpoints[0]).toMatchObject({ status: 'fail', breaksAt: 'clock' });
    expect(slow.endpoints[0]?.tls?.error).toBe('CERT_NOT_YET_VALID');
    expect(slow.endpoints[0]?.explanation.vi).toMatch(/chậm 730 ngày.*có vẻ chưa có hiệu lực/);
    expect(slow.endpoints[0]?.explanation.en).toMatch(/730 days slow.*looks not yet valid/);
  });

  it('tells a server certificate that is not yet valid from an expired one', async () => {
    const result = await runLadder(ctx(), options([endpoint('future', 'future.gov.vn', 'future')]));
    expect(result.endpoints[0]).toMatchObject({ status: 'fail', breaksAt: 'tls' });
    expect(result.endpoints[0]?.explanation.vi).toMatch(
      /chưa có hiệu lực \(từ ngày \d{4}-\d\d-\d\d\)/,
    );
    expect(result.endpoints[0]?.explanation.vi).not.toMatch(/hết hạn/);
  });

  it('reports the time a timed-out site waited, within its limit, and leaves no lookup running', async () => {
    const result = await runLadder(
      ctx(),
      options([endpoint('slow', 'slow.gov.vn', 'slow')], { timeoutMs: 2000 }),
    );
    const slow = result.endpoints[0];
    expect(slow).toMatchObject({ status: 'fail', breaksAt: 'slow' });
    expect(slow?.totalMs).toBeGreaterThanOrEqual(2000);
    expect(slow?.explanation.en).toContain(`did not answer within ${slow?.totalMs} ms`);
    const silent = await runLadder(
      ctx(),
      options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], {
        dnsServers: [lan.ip(52)],
        timeoutMs: 2000,
      }),
    );
    expect(silent.endpoints[0]?.dnsCode).toBe('ETIMEOUT');
    expect(
      process
        .getActiveResourcesInfo()
        .filter((r) => /GetAddrInfo|QueryReqWrap|ChannelWrap/.test(r)),
    ).toEqual([]);
  });

  it('recognises a captive portal instead of "no internet"', async () => {
    const captive = await runLadder(
      ctx(),
      options([], {
        connectivity: {
          url: `http://captive.test:${port['captive']}/connecttest.txt`,
          expectBody: 'Microsoft Connect Test',
        },
      }),
    );
    expect(captive.captivePortal).toBe(true);
    expect(captive.breaksAt).toBe('internet');
    expect(captive.verdict.en).toMatch(/captive portal/);
  });

  it('goes through the configured proxy like a browser (local DNS broken), and names a refusing proxy', async () => {
    const names = Object.fromEntries(
      ['dichvucong.gov.vn', 'ncsi.test'].map((n) => [n, lan.selfIp]),
    );
    const proxy = await startProxy({ names });
    const refusing = await startProxy({ refuse: 407 });
    try {
      const proxied = (server: string, bypass?: string): Partial<LadderOptions> => ({
        dnsServers: [lan.ip(52)], // silent: only the proxy can resolve names
        config: config({
          dnsServers: [lan.ip(52)],
          proxy: {
            enabled: true,
            server: `http=${server};https=${server}`,
            ...(bypass === undefined ? {} : { bypass }),
            source: 'windows-registry',
          },
        }),
      });
      const ok = await runLadder(
        ctx(),
        options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], proxied(proxy.server)),
      );
      expect(ok.rungs.map((r) => [r.id, r.status])).toEqual([
        ['link', 'ok'],
        ['gateway', 'ok'],
        ['dns', 'warn'],
        ['internet', 'ok'],
        ['endpoints', 'ok'],
      ]);
      expect(ok.rungs.find((r) => r.id === 'internet')?.detail.en).toMatch(
        /through the proxy 127\.0\.0\.1/,
      );
      expect(ok.endpoints[0]).toMatchObject({
        status: 'ok',
        httpStatus: 200,
        viaProxy: proxy.server,
      });
      expect(ok.endpoints[0]?.tls?.authorized).toBe(true);
      // A PC with no default gateway that goes out only through the office proxy: not broken.
      const { defaultGateway: _none, ...noGateway } = config({
        dnsServers: [lan.ip(52)],
        proxy: { enabled: true, server: proxy.server, source: 'windows-registry' },
      });
      const proxyOnly = await runLadder(
        ctx(),
        options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], {
          dnsServers: [lan.ip(52)],
          config: noGateway,
        }),
      );
      expect(proxyOnly.rungs.find((r) => r.id === 'gateway')).toMatchObject({ status: 'ok' });
      expect(proxyOnly.rungs.find((r) => r.id === 'gateway')?.detail.vi).toMatch(
        /không có cổng mặc định, nhưng vẫn ra được bên ngoài: 1 trang/,
      );
      expect(proxyOnly.breaksAt).not.toBe('gateway');
      const denied = await runLadder(
        ctx(),
        options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], proxied(refusing.server)),
      );
      expect(denied.endpoints[0]).toMatchObject({ status: 'fail', breaksAt: 'proxy' });
      expect(denied.endpoints[0]?.explanation.vi).toMatch(/đòi đăng nhập/);
    } finally {
      await proxy.close();
      await refusing.close();
    }
  });

  it('fails the link rung with only a 169.254 address', async () => {
    const result = await runLadder(
      ctx(),
      options([], {
        config: config({
          interfaces: [
            {
              name: 'eth0',
              kind: 'wired',
              up: true,
              ipv4: [{ address: '169.254.3.4', prefix: 16 }],
              dns: [],
            },
          ],
        }),
      }),
    );
    expect(result.breaksAt).toBe('link');
    expect(result.rungs[0]?.detail.en).toMatch(/DHCP/);
  });

  it('warns at the link rung when the only connection is a weak Wi-Fi, with the fix', async () => {
    const wifi = {
      signalPercent: 30,
      signalDbm: -85,
      estimated: true,
      level: 'weak',
      ssid: 'UBND Xã Hòa Bình',
      band: '2.4 GHz',
      channel: 6,
    } as const;
    const result = await runLadder(
      ctx(),
      options([], {
        config: config({
          interfaces: [
            {
              name: 'Wi-Fi',
              kind: 'wifi',
              up: true,
              ipv4: [{ address: lan.selfIp, prefix: 24, dhcp: true }],
              dns: [lan.ip(53)],
              wifi,
            },
          ],
        }),
      }),
    );
    expect(result.rungs[0]).toMatchObject({ id: 'link', status: 'warn' });
    expect(result.rungs[0]?.detail.vi).toContain(
      'Sóng Wi-Fi yếu: Wi-Fi "UBND Xã Hòa Bình" 30% (≈ -85 dBm)',
    );
    expect(result.rungs[0]?.fix?.en).toMatch(/closer.*5 GHz.*cable/);
    expect(result.breaksAt).toBe('link');
    expect(result.verdict.en).toMatch(/weak/);
    expect(result.rungs[1]?.status).toBe('ok');
  });

  it('feeds the PC sweep: one check per step and per site (probe network.reachability)', async () => {
    const settings = {
      networkConfig: config(),
      endpoints: [
        endpoint('dvc', 'dichvucong.gov.vn', 'good'),
        endpoint('expired', 'expired.gov.vn', 'expired'),
      ],
      connectivity: options([]).connectivity!,
      dnsServers: [lan.ip(53)],
      extraCa: [ca.caCert],
    };
    const checks = await networkProbe.run(createProbeContext({ settings }), {
      signal: new AbortController().signal,
    });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['network.link', 'ok'],
      ['network.gateway', 'ok'],
      ['network.dns', 'ok'],
      ['network.internet', 'ok'],
      ['network.endpoint.dvc', 'ok'],
      ['network.endpoint.expired', 'fail'],
    ]);
    expect(checks.every((c) => c.area === 'network')).toBe(true);
  });
});
