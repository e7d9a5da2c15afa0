/**
 * The Network, Printers and LAN-scan tabs in Debian Chromium against the real web door and
 * service. The network world is built by the test (namespace gateway and dnsmasq, HTTPS sites
 * with a throw-away CA on the bridge) and handed to the service as probe settings, so nothing
 * touches this machine's real gateway; the printer is a real ippeveprinter behind a CUPS queue.
 */
import { createRequire } from 'node:module';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  addCupsQueue,
  startIppPrinter,
  type CupsQueue,
  type IppPrinter,
} from '../helpers/ipp-printer.js';
import { createLan, type Lan, startDnsmasq } from '../helpers/netns.js';
import { createTestCa, type TestCa } from '../helpers/test-ca.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';
import { startHttp, startHttps, type TestServer } from '../helpers/web-servers.js';

const QUEUE = `x4-ui-${process.pid}`;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core (WCAG 2 A/AA) on the open tab, with results on screen. */
async function axeViolations(): Promise<string[]> {
  await app.page.addScriptTag({ path: axePath });
  const found = (await app.page.evaluate(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }).then(r => r.violations)`,
  )) as { id: string; help: string; nodes: { target: string[] }[] }[];
  return found.map(
    (v) =>
      `${v.id}: ${v.help} → ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}
let lan: Lan;
let ca: TestCa;
let app: WebApp;
let printer: IppPrinter;
let queue: CupsQueue;
const servers: TestServer[] = [];

beforeAll(async () => {
  lan = await createLan({
    prefix: 'x4',
    index: 6,
    hosts: [{ n: 254 }, { n: 53 }, { n: 10, tcp: [9100] }, { n: 11, ignorePing: true }],
  });
  ca = await createTestCa();
  const good = await ca.issue(['dichvucong.gov.vn']);
  const expired = await ca.issue(['vneid.gov.vn'], {
    notBefore: new Date('2020-01-01'),
    notAfter: new Date('2021-01-01'),
  });
  const ok = await startHttps(lan.selfIp, good);
  const bad = await startHttps(lan.selfIp, expired);
  const ncsi = await startHttp(lan.selfIp, { body: 'Microsoft Connect Test' });
  servers.push(ok, bad, ncsi);
  const names = ['dichvucong.gov.vn', 'vneid.gov.vn', 'ncsi.test'].map(
    (n) => `--address=/${n}/${lan.selfIp}`,
  );
  startDnsmasq(lan, 53, [...names]);
  printer = await startIppPrinter({ name: 'x4 UI printer' });
  queue = await addCupsQueue(QUEUE, printer.uri);
  app = await startWebApp({
    bypassCSP: true,
    env: {
      diagnostics: {
        settings: {
          networkConfig: {
            interfaces: [
              {
                name: 'Ethernet',
                kind: 'wired',
                up: true,
                speedMbps: 1000,
                ipv4: [{ address: lan.selfIp, prefix: 24, dhcp: true }],
                gateway: lan.ip(254),
                dns: [lan.ip(53)],
              },
            ],
            defaultGateway: lan.ip(254),
            dnsServers: [lan.ip(53)],
            proxy: { enabled: false, source: 'none' },
          },
          dnsServers: [lan.ip(53)],
          extraCa: [ca.caCert],
          connectivity: {
            url: `http://ncsi.test:${ncsi.port}/connecttest.txt`,
            expectBody: 'Microsoft Connect Test',
          },
          endpoints: [
            {
              id: 'dvcqg',
              kind: 'portal',
              url: `https://dichvucong.gov.vn:${ok.port}/`,
              name: { vi: 'Cổng Dịch vụ công quốc gia', en: 'National portal' },
            },
            {
              id: 'vneid',
              kind: 'identity',
              url: `https://vneid.gov.vn:${bad.port}/`,
              name: { vi: 'VNeID', en: 'VNeID' },
            },
          ],
        },
      },
    },
  });
});

afterAll(async () => {
  await app?.close();
  for (const s of servers) await s.close();
  await queue?.remove();
  await printer?.stop();
  await ca?.cleanup();
  await lan?.teardown();
});

describe('Network tabs in Chromium', () => {
  it('Network: verdict first, each step, each site with where it breaks; latency chart', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/diagnose`);
    await page.getByTestId('diagnose-tab-network').click();
    await page.getByTestId('network-run').click();
    const verdict = page.getByTestId('network-verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.getAttribute('data-breaks')).toBe('endpoints');
    expect(await verdict.textContent()).toMatch(/trang dịch vụ công không vào được/);
    expect(
      await page
        .getByTestId('ladder-rung')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))),
    ).toEqual(['ok', 'ok', 'ok', 'ok', 'fail']);
    const vneid = page.locator('[data-testid="endpoint-row"][data-breaks="tls"]');
    expect(await vneid.textContent()).toMatch(/hết hạn/);
    expect(await vneid.textContent()).toMatch(/Lỗi/);
    await page.getByTestId('latency-host').fill(lan.ip(10));
    await page.getByTestId('latency-run').click();
    await page.getByTestId('latency-chart').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('latency-bar').count()).toBe(10);
    expect(
      await page.locator('[data-testid="latency-chart"] svg').getAttribute('aria-label'),
    ).toMatch(/mất 0%/);
    expect(await axeViolations()).toEqual([]);
    await app.screenshot('x4-network-tab');
  });

  it('Scan: finds the LAN hosts and types them', async () => {
    const { page } = app;
    await page.getByTestId('diagnose-tab-scan').click();
    await page.getByTestId('scan-range').fill(lan.cidr);
    await page.getByTestId('scan-run').click();
    await page.getByTestId('scan-table').waitFor({ timeout: 60_000 });
    const rows = await page
      .getByTestId('scan-row')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-ip'), e.getAttribute('data-type')]),
      );
    expect(rows).toEqual([
      [lan.selfIp, 'pc'],
      [lan.ip(10), 'printer'],
      [lan.ip(11), 'unknown'],
      [lan.ip(53), 'unknown'],
      [lan.ip(254), 'router'],
    ]);
    expect(await page.locator(`[data-ip="${lan.ip(10)}"]`).textContent()).toMatch(/Máy in/);
    expect(await axeViolations()).toEqual([]);
    await page.getByTestId('scan-range').fill('10.74.0.0/20');
    expect(await page.getByTestId('scan-run').isDisabled()).toBe(true);
    await page.getByTestId('scan-confirm-large').check();
    expect(await page.getByTestId('scan-run').isDisabled()).toBe(false);
    await app.screenshot('x4-scan-tab');
  });

  it('Printers: the queue with toner level and faults explained; a test page printed', async () => {
    const { page } = app;
    await printer.setPaperLevel(0);
    await page.getByTestId('diagnose-tab-printers').click();
    await page.getByTestId('printers-run').click();
    const card = page.locator(`[data-testid="printer-card"][data-name="${QUEUE}"]`);
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getAttribute('data-status')).toBe('fail');
    expect(
      await card.locator('[data-testid="printer-fault"][data-code="media-empty"]').textContent(),
    ).toMatch(/Hết giấy.*Nạp giấy/);
    expect(await card.textContent()).toMatch(/Black Toner: 75%/);
    await printer.setPaperLevel(250);
    const before = (await printer.spooledFiles()).length;
    await card.getByTestId('printer-test-page').click();
    const done = card.getByTestId('test-page-result');
    await done.waitFor({ timeout: 90_000 });
    expect(await done.getAttribute('data-outcome')).toBe('completed');
    await printer.waitForSpooledFiles(before + 1);
    await card.getByTestId('printer-clear').click();
    await card.getByTestId('printer-clear-confirm').click();
    await card.getByTestId('repair-report').waitFor();
    expect(await card.getByTestId('repair-report').textContent()).toMatch(/cancel -a/);
    expect(await axeViolations()).toEqual([]);
    await app.screenshot('x4-printers-tab');
  });
});
