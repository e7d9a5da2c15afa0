/**
 * The reachability ladder against a world built for the test: a gateway host and a DNS host
 * (real `dnsmasq`) in network namespaces, and HTTPS servers on the test bridge with certificates
 * from a throw-away CA (valid, expired, wrong host), an HTTP error, a slow answer, a captive
 * portal. Every failure must be named at the right rung.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { runLadder, type LadderOptions } from '../../../diagnostics/network/ladder.js';
import { networkProbe } from '../../../diagnostics/network/network-probe.js';
import type { Endpoint, NetworkConfig } from '../../../diagnostics/network/types.js';
import { startProxy } from '../../helpers/http-proxy.js';
import { createLan, type Lan } from '../../helpers/netns.js';
import { createTestCa, type TestCa } from '../../helpers/test-ca.js';
import { startHttp, startHttps, type TestServer } from '../../helpers/web-servers.js';

let lan: Lan;
let ca: TestCa;
const servers: TestServer[] = [];
const port: Record<string, number> = {};
const NAMES = ['dichvucong.gov.vn', 'vneid.gov.vn', 'expired.gov.vn', 'clock.gov.vn', 'error.gov.vn', 'slow.gov.vn', 'ncsi.test', 'captive.test'];

beforeAll(async () => {
  lan = await createLan({ prefix: 'x4', index: 2, hosts: [{ n: 254 }, { n: 53 }] });
  const self = lan.selfIp;
  const addresses = NAMES.map((n) => `--address=/${n}/${self}`);
  lan.spawn(53, 'dnsmasq', ['-k', '-C', '/dev/null', '--no-resolv', '--no-hosts', `--listen-address=${lan.ip(53)}`, '--bind-interfaces', '--pid-file=', '--address=/missing.gov.vn/', ...addresses]);
  ca = await createTestCa();
  const good = await ca.issue(['dichvucong.gov.vn', 'error.gov.vn', 'slow.gov.vn']);
  const other = await ca.issue(['other.example.vn']);
  const expired = await ca.issue(['expired.gov.vn', 'clock.gov.vn'], { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
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
  await add('ncsi', startHttp(self, { body: 'Microsoft Connect Test' }));
  await add('captive', startHttp(self, { status: 302, headers: { location: 'http://login.portal.test/' } }));
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await ca?.cleanup();
  await lan?.teardown();
});

const config = (overrides: Partial<NetworkConfig> = {}): NetworkConfig => ({
  interfaces: [{ name: 'eth0', kind: 'wired', up: true, ipv4: [{ address: lan.selfIp, prefix: 24, dhcp: true }], dns: [lan.ip(53)] }],
  defaultGateway: lan.ip(254),
  dnsServers: [lan.ip(53)],
  proxy: { enabled: false, source: 'none' },
  ...overrides,
});

const endpoint = (id: string, host: string, key: string): Endpoint => ({ id, kind: 'portal', name: { vi: id, en: id }, url: `https://${host}:${port[key]}/` });

function options(endpoints: Endpoint[], overrides: Partial<LadderOptions> = {}): LadderOptions {
  return {
    config: config(),
    endpoints,
    connectivity: { url: `http://ncsi.test:${port['ncsi']}/connecttest.txt`, expectBody: 'Microsoft Connect Test' },
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
    expect(result.rungs.map((r) => [r.id, r.status])).toEqual([['link', 'ok'], ['gateway', 'ok'], ['dns', 'ok'], ['internet', 'ok'], ['endpoints', 'ok']]);
    expect(result.breaksAt).toBeUndefined();
    expect(result.endpoints[0]).toMatchObject({ status: 'ok', httpStatus: 200, addresses: [lan.selfIp] });
    expect(result.endpoints[0]?.tls?.authorized).toBe(true);
  });

  it('breaks at the gateway when there is none, or it is down', async () => {
    const { defaultGateway: _unused, ...withoutGateway } = config();
    const none = await runLadder(ctx(), options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], { config: withoutGateway }));
    expect(none.breaksAt).toBe('gateway');
    expect(none.verdict.vi).toMatch(/bước 2/);
    const down = await runLadder(ctx(), options([], { config: config({ defaultGateway: lan.ip(250) }) }));
    expect(down.rungs.find((r) => r.id === 'gateway')?.status).toBe('fail');
  });

  it('breaks at DNS when the server is silent, and names an unknown name', async () => {
    const silent = await runLadder(ctx(), options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], { dnsServers: [lan.ip(52)], config: config({ dnsServers: [lan.ip(52)] }) }));
    expect(silent.breaksAt).toBe('dns');
    expect(silent.endpoints[0]?.breaksAt).toBe('dns');
    const unknown = await runLadder(ctx(), options([endpoint('gone', 'missing.gov.vn', 'good')]));
    expect(unknown.rungs.find((r) => r.id === 'dns')?.detail.en).toMatch(/does not know "missing.gov.vn"/);
  });

  it('names each endpoint failure: expired and wrong-host certificates, HTTP error, slow answer', async () => {
    const result = await runLadder(ctx(), options([
      endpoint('expired', 'expired.gov.vn', 'expired'),
      endpoint('wrong', 'vneid.gov.vn', 'wronghost'),
      endpoint('error', 'error.gov.vn', 'error'),
      endpoint('slow', 'slow.gov.vn', 'slow'),
    ]));
    const by = Object.fromEntries(result.endpoints.map((e) => [e.id, e]));
    expect(by['expired']).toMatchObject({ status: 'fail', breaksAt: 'tls' });
    expect(by['expired']?.tls?.error).toMatch(/CERT_HAS_EXPIRED/);
    expect(by['wrong']).toMatchObject({ status: 'fail', breaksAt: 'tls' });
    expect(by['wrong']?.explanation.en).toMatch(/not for this name/);
    expect(by['error']).toMatchObject({ status: 'fail', breaksAt: 'http', httpStatus: 503 });
    expect(by['slow']).toMatchObject({ status: 'warn', breaksAt: 'slow', httpStatus: 200 });
    expect(result.breaksAt).toBe('endpoints');
  });

  it('blames the PC clock when the certificate is valid at the server\'s time', async () => {
    const result = await runLadder(ctx(), options([endpoint('clock', 'clock.gov.vn', 'clock')]));
    expect(result.endpoints[0]).toMatchObject({ status: 'fail', breaksAt: 'clock' });
    const skewed = await runLadder(ctx(), options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], { now: () => Date.now() - 3_600_000 }));
    expect(skewed.endpoints[0]).toMatchObject({ status: 'warn', breaksAt: 'clock' });
  });

  it('recognises a captive portal instead of "no internet"', async () => {
    const captive = await runLadder(ctx(), options([], { connectivity: { url: `http://captive.test:${port['captive']}/connecttest.txt`, expectBody: 'Microsoft Connect Test' } }));
    expect(captive.captivePortal).toBe(true);
    expect(captive.breaksAt).toBe('internet');
    expect(captive.verdict.en).toMatch(/captive portal/);
  });

  it('goes through the configured proxy like a browser (local DNS broken), and names a refusing proxy', async () => {
    const names = Object.fromEntries(['dichvucong.gov.vn', 'ncsi.test'].map((n) => [n, lan.selfIp]));
    const proxy = await startProxy({ names });
    const refusing = await startProxy({ refuse: 407 });
    try {
      const proxied = (server: string, bypass?: string): Partial<LadderOptions> => ({
        dnsServers: [lan.ip(52)], // silent: only the proxy can resolve names
        config: config({ dnsServers: [lan.ip(52)], proxy: { enabled: true, server: `http=${server};https=${server}`, ...(bypass === undefined ? {} : { bypass }), source: 'windows-registry' } }),
      });
      const ok = await runLadder(ctx(), options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], proxied(proxy.server)));
      expect(ok.rungs.map((r) => [r.id, r.status])).toEqual([['link', 'ok'], ['gateway', 'ok'], ['dns', 'warn'], ['internet', 'ok'], ['endpoints', 'ok']]);
      expect(ok.rungs.find((r) => r.id === 'internet')?.detail.en).toMatch(/through the proxy 127\.0\.0\.1/);
      expect(ok.endpoints[0]).toMatchObject({ status: 'ok', httpStatus: 200, viaProxy: proxy.server });
      expect(ok.endpoints[0]?.tls?.authorized).toBe(true);
      const denied = await runLadder(ctx(), options([endpoint('dvc', 'dichvucong.gov.vn', 'good')], proxied(refusing.server)));
      expect(denied.endpoints[0]).toMatchObject({ status: 'fail', breaksAt: 'proxy' });
      expect(denied.endpoints[0]?.explanation.vi).toMatch(/đòi đăng nhập/);
    } finally {
      await proxy.close();
      await refusing.close();
    }
  });

  it('fails the link rung with only a 169.254 address', async () => {
    const result = await runLadder(ctx(), options([], { config: config({ interfaces: [{ name: 'eth0', kind: 'wired', up: true, ipv4: [{ address: '169.254.3.4', prefix: 16 }], dns: [] }] }) }));
    expect(result.breaksAt).toBe('link');
    expect(result.rungs[0]?.detail.en).toMatch(/DHCP/);
  });

  it('warns at the link rung when the only connection is a weak Wi-Fi, with the fix', async () => {
    const wifi = { signalPercent: 30, signalDbm: -85, estimated: true, level: 'weak', ssid: 'UBND Xã Hòa Bình', band: '2.4 GHz', channel: 6 } as const;
    const result = await runLadder(ctx(), options([], { config: config({ interfaces: [{ name: 'Wi-Fi', kind: 'wifi', up: true, ipv4: [{ address: lan.selfIp, prefix: 24, dhcp: true }], dns: [lan.ip(53)], wifi }] }) }));
    expect(result.rungs[0]).toMatchObject({ id: 'link', status: 'warn' });
    expect(result.rungs[0]?.detail.vi).toContain('Sóng Wi-Fi yếu: Wi-Fi "UBND Xã Hòa Bình" 30% (≈ -85 dBm)');
    expect(result.rungs[0]?.fix?.en).toMatch(/closer.*5 GHz.*cable/);
    expect(result.breaksAt).toBe('link');
    expect(result.verdict.en).toMatch(/weak/);
    expect(result.rungs[1]?.status).toBe('ok');
  });

  it('feeds the PC sweep: one check per step and per site (probe network.reachability)', async () => {
    const settings = { networkConfig: config(), endpoints: [endpoint('dvc', 'dichvucong.gov.vn', 'good'), endpoint('expired', 'expired.gov.vn', 'expired')], connectivity: options([]).connectivity!, dnsServers: [lan.ip(53)], extraCa: [ca.caCert] };
    const checks = await networkProbe.run(createProbeContext({ settings }), { signal: new AbortController().signal });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['network.link', 'ok'], ['network.gateway', 'ok'], ['network.dns', 'ok'], ['network.internet', 'ok'],
      ['network.endpoint.dvc', 'ok'], ['network.endpoint.expired', 'fail'],
    ]);
    expect(checks.every((c) => c.area === 'network')).toBe(true);
  });
});

