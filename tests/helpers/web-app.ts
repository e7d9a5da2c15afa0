/**
 * Starts the real web door (real service, temp data folder) and a real Debian Chromium driven
 * by playwright-core, for end-to-end tests of the UI. Needs `npm run build` first (npm test
 * does it) and the `chromium` package (scripts/install-peers.sh).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { defaultEnv, type ServiceEnv } from '../../main/service/env.js';
import { createService } from '../../main/service/index.js';
import { startWebServer, type WebServer } from '../../main/web/server.js';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const RENDERER_DIR = resolve('out/renderer');
/** Where screenshots go, for people to look at (not committed). */
export const SCREENSHOT_DIR = resolve('tests/.tmp/screens');

/** Chromium flags for this sandboxed, offline machine (shared/PEERS.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type WebApp = Readonly<{
  url: string;
  server: WebServer;
  browser: Browser;
  page: Page;
  dataDir: string;
  /** Saves a screenshot as tests/.tmp/screens/<name>.png. */
  screenshot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}>;

/** Launches Chromium headless with our flags and a fresh profile. */
export async function launchChromium(): Promise<{ browser: Browser; profile: string }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run scripts/install-peers.sh`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'xaso-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`].filter(
      (a) => !a.startsWith('--user-data-dir'),
    ),
    headless: true,
  });
  return { browser, profile };
}

/** Starts the web door and opens its page in Chromium. */
export async function startWebApp(
  options: Readonly<{
    env?: Partial<ServiceEnv>;
    locale?: string;
    viewport?: { width: number; height: number };
    /** Lets tests inject tools such as axe-core despite the app's CSP (the app itself is unchanged). */
    bypassCSP?: boolean;
  }> = {},
): Promise<WebApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'xaso-web-data-'));
  const service = createService(
    defaultEnv({ door: 'web', version: '0.0.0-test', dataDir, ...options.env }),
  );
  const server = await startWebServer({ service, staticDir: RENDERER_DIR });
  const { browser, profile } = await launchChromium();
  const context = await browser.newContext({
    locale: options.locale ?? 'vi-VN',
    viewport: options.viewport ?? { width: 1280, height: 860 },
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  await page.goto(server.url);
  return {
    url: server.url,
    server,
    browser,
    page,
    dataDir,
    screenshot: async (name) => {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await browser.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(profile, { recursive: true, force: true });
    },
  };
}
