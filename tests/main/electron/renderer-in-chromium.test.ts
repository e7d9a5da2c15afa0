/**
 * The Electron door as close to Electron as this machine allows: the built renderer, served by
 * the REAL `app://` protocol handler (its files, MIME types and CSP header), in Debian's real
 * Chromium, with `window.xaso` built by the REAL bridge and answered by the REAL IPC door
 * (`registerServiceHandlers`, sender check included) and the real service. Only Electron's
 * transport is simulated: Chromium cannot load an `app://` page, so `http://xaso.test/` is
 * routed to the handler (no network; every other request is aborted), and IPC messages travel
 * through playwright's exposed functions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSenderCheck, registerServiceHandlers } from '../../../main/electron/ipc.js';
import { createAppProtocolHandler } from '../../../main/electron/protocol.js';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../../../main/electron/security.js';
import { defaultEnv } from '../../../main/service/env.js';
import { createService } from '../../../main/service/index.js';
import { launchChromium, RENDERER_DIR } from '../../helpers/web-app.js';
import { FakeContents, FakeIpcMain } from './fake-ipc.js';

// https, so the page is a secure context as app:// is (crypto.randomUUID needs one).
const PAGE_ORIGIN = 'https://xaso.test';
let browser: Browser;
let profile: string;
let dataDir: string;
let page: Page;
const violations: string[] = [];
const served: { url: string; status: number; type: string | null; csp: string | null }[] = [];

async function preloadScript(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, 'preload-in-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xaso-electron-door-'));
  const service = createService(defaultEnv({ door: 'electron', dataDir, version: '0.0.0-door' }));
  const ipcMain = new FakeIpcMain();
  const contents = new FakeContents(APP_ENTRY_URL); // the frame, as Electron would report it
  registerServiceHandlers({
    ipcMain,
    service,
    isTrustedSender: createSenderCheck((sender) => sender === contents),
  });
  const handler = createAppProtocolHandler(RENDERER_DIR);

  ({ browser, profile } = await launchChromium());
  const context = await browser.newContext({ locale: 'vi-VN' });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${PAGE_ORIGIN}/`)) return route.abort('blockedbyclient');
    const response = await handler(new Request(`app://xaso/${url.slice(PAGE_ORIGIN.length + 1)}`));
    const headers = Object.fromEntries(response.headers);
    served.push({
      url,
      status: response.status,
      type: headers['content-type'] ?? null,
      csp: headers['content-security-policy'] ?? null,
    });
    return route.fulfill({
      status: response.status,
      headers,
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
  page = await context.newPage();
  contents.onSend = (channel, args) => {
    void page.evaluate(`window.__xasoEmit(${JSON.stringify(channel)}, ${JSON.stringify(args[0])})`);
  };
  await page.exposeFunction('__xasoInvoke', (channel: string, envelope: unknown) =>
    ipcMain.invoke(contents.event(), channel, envelope),
  );
  await page.exposeFunction('__xasoSend', (channel: string, requestId: unknown) => {
    ipcMain.emit(contents.event(), channel, requestId);
  });
  await page.addInitScript({ content: await preloadScript() });
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      (window.__violations ??= []).push(e.violatedDirective + ' ' + e.blockedURI);
    });`,
  });
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  await page.goto(`${PAGE_ORIGIN}/index.html`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(dataDir, { recursive: true, force: true });
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('renderer through the app:// handler, bridge and IPC door, in Chromium', () => {
  it('renders the first screen, with every file served with the CSP and the right type', async () => {
    await page.getByRole('heading', { name: 'Hôm nay cần làm gì?' }).waitFor();
    expect(served.length).toBeGreaterThan(1);
    for (const response of served) {
      expect(response.status, response.url).toBe(200);
      expect(response.csp, response.url).toBe(CONTENT_SECURITY_POLICY);
    }
    const script = served.find((r) => r.url.endsWith('.js'));
    expect(script?.type).toBe('text/javascript; charset=utf-8');
  });

  it('talks to the real service through window.xaso (the footer shows app:info)', async () => {
    await expect.poll(() => page.getByTestId('data-dir').textContent()).toContain(dataDir);
    expect(await page.evaluate('typeof window.xaso')).toBe('object');
  });

  it('gets a clear invalid-request error for a bad payload through the bridge', async () => {
    const result = await page.evaluate('window.xaso.app.info({ bogus: 1 })');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('runs under the strict CSP without a single violation or console error', async () => {
    const inPage = await page.evaluate('window.__violations ?? []');
    expect(inPage).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('blocks an injected inline script and remote fetch (the CSP is really in force)', async () => {
    const ran = await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 1';
      document.head.appendChild(s);
      return window.__pwned ?? null;
    })()`);
    expect(ran).toBeNull();
    const fetched = await page.evaluate(
      "fetch('https://dichvucong.gov.vn/').then(() => 'reached', (e) => 'blocked: ' + e.name)",
    );
    expect(fetched).toBe('blocked: TypeError');
    const inPage = (await page.evaluate('window.__violations ?? []')) as string[];
    expect(inPage.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(inPage.some((v) => v.startsWith('connect-src'))).toBe(true);
  });
});
