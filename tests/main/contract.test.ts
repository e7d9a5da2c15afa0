import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildBridge } from '../../main/electron/bridge.js';
import { createSenderCheck, registerServiceHandlers } from '../../main/electron/ipc.js';
import { channelNames } from '../../main/service/contract.js';
import { channelPath, type IpcResult } from '../../main/service/define.js';
import { defaultEnv } from '../../main/service/env.js';
import { createService, type Service } from '../../main/service/index.js';
import { startWebServer, type WebServer } from '../../main/web/server.js';
import { FakeContents, FakeIpcMain, fakeIpcRenderer } from './electron/fake-ipc.js';

// The one contract, through all three doors: every channel has an IPC handler, a preload method
// and a web route, and a bad payload is refused through each door with a clear error (and never
// reaches a handler). The CLI's own bad-input handling is in tests/main/cli/run.test.ts.
let dataDir: string;
let service: Service;
let web: WebServer;
let ipcMain: FakeIpcMain;
let window: FakeContents;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xaso-contract-'));
  service = createService(defaultEnv({ door: 'test', dataDir, version: '0.0.0' }));
  web = await startWebServer({ service, staticDir: resolve('out/renderer') });
  ipcMain = new FakeIpcMain();
  window = new FakeContents();
  registerServiceHandlers({
    ipcMain,
    service,
    isTrustedSender: createSenderCheck((s) => s === window),
  });
});
afterAll(async () => {
  await web.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Payloads no channel accepts: not an object, or an object with a field no schema knows. */
const BAD_PAYLOADS: unknown[] = [42, 'text', [1, 2], { __notAField__: true }];

async function viaWeb(
  channel: string,
  payload: unknown,
): Promise<{ status: number; result: IpcResult<unknown> }> {
  const response = await fetch(`${web.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'x-xaso-token': web.token, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const lines = (await response.text()).trim().split('\n');
  const last = JSON.parse(lines.at(-1)!) as { type: string; result: IpcResult<unknown> };
  return { status: response.status, result: last.result };
}

function expectClearRefusal(result: IpcResult<unknown>, channel: string): void {
  expect(result.ok, channel).toBe(false);
  if (result.ok) return;
  expect(result.error.code, channel).toBe('invalid-request');
  expect(result.error.message.vi.length, channel).toBeGreaterThan(10);
  expect(result.error.message.en.length, channel).toBeGreaterThan(10);
}

describe('the contract through every door', () => {
  it('has channels, each named domain:method', () => {
    expect(channelNames.length).toBeGreaterThan(0);
    for (const name of channelNames) expect(() => channelPath(name)).not.toThrow();
  });

  it('every channel has an IPC handler, and nothing else is registered', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('every channel has a named preload method, plus cancel and nothing else', () => {
    const bridge = buildBridge(channelNames, fakeIpcRenderer(ipcMain, window));
    for (const name of channelNames) {
      const [domain, method] = channelPath(name);
      expect(typeof bridge[domain]?.[method], name).toBe('function');
    }
    const methods = Object.entries(bridge).flatMap(([domain, value]) =>
      typeof value === 'function' ? [domain] : Object.keys(value).map((m) => `${domain}:${m}`),
    );
    expect(methods.sort()).toEqual([...channelNames, 'cancel'].sort());
  });

  it('every channel has a web route', async () => {
    const listed = await fetch(`${web.origin}/api/channels`, {
      headers: { 'x-xaso-token': web.token },
    });
    expect(((await listed.json()) as { value: string[] }).value.sort()).toEqual(
      [...channelNames].sort(),
    );
    for (const name of channelNames) {
      const { status, result } = await viaWeb(name, 42);
      expect(status, name).toBe(200);
      expect(result.ok || result.error.code !== 'unknown-channel', name).toBe(true);
    }
  });

  it.each(channelNames)(
    '%s refuses bad payloads through IPC, preload and web alike',
    async (name) => {
      const [domain, method] = channelPath(name);
      const bridge = buildBridge(channelNames, fakeIpcRenderer(ipcMain, window));
      for (const payload of BAD_PAYLOADS) {
        const ipc = (await ipcMain.invoke(window.event(), name, {
          requestId: `bad-${name}`,
          payload,
        })) as IpcResult<unknown>;
        expectClearRefusal(ipc, name);
        const preload = await bridge[domain]![method]!(payload);
        expectClearRefusal(preload, name);
        const { result } = await viaWeb(name, payload);
        expectClearRefusal(result, name);
      }
    },
  );
});
