import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { buildBridge, type IpcRendererLike } from '../../../main/electron/bridge.js';
import { createSenderCheck, registerServiceHandlers } from '../../../main/electron/ipc.js';
import { channelNames } from '../../../main/service/contract.js';
import { CANCEL_CHANNEL, channel, type Progress } from '../../../main/service/define.js';
import { defaultEnv } from '../../../main/service/env.js';
import {
  createService,
  createServiceFrom,
  type UntypedService,
} from '../../../main/service/index.js';
import { FakeContents, FakeIpcMain, fakeIpcRenderer } from './fake-ipc.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xaso-bridge-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A window's bridge wired through the fake IPC to the door in main. */
function wire(service: UntypedService) {
  const ipcMain = new FakeIpcMain();
  const win = new FakeContents();
  registerServiceHandlers({
    ipcMain,
    service,
    isTrustedSender: createSenderCheck((sender) => sender === win),
  });
  const ipc = fakeIpcRenderer(ipcMain, win);
  return { bridge: buildBridge(Object.keys(service.contract), ipc), ipc, win };
}

describe('buildBridge', () => {
  it('has one named method per channel, plus cancel, and nothing else', () => {
    const { bridge } = wire(createService(defaultEnv({ door: 'test', dataDir, version: '0' })));
    const paths = Object.entries(bridge).flatMap(([domain, value]) =>
      typeof value === 'function' ? [domain] : Object.keys(value).map((m) => `${domain}:${m}`),
    );
    expect(paths.sort()).toEqual([...channelNames, 'cancel'].sort());
    for (const value of Object.values(bridge)) {
      if (typeof value === 'function') continue;
      for (const method of Object.values(value)) expect(typeof method).toBe('function');
    }
  });

  it('calls the real service through main and returns its result', async () => {
    const { bridge } = wire(createService(defaultEnv({ door: 'test', dataDir, version: '9.9.9' })));
    expect(await bridge['app']!['info']!({})).toMatchObject({
      ok: true,
      value: { version: '9.9.9' },
    });
    expect(await bridge['app']!['info']!({ bogus: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('delivers progress of its own request only, without the IPC event, then unsubscribes', async () => {
    let release: () => void = () => undefined;
    const contract = {
      'test:stream': channel<string>()({
        request: z.object({}).strict(),
        streams: true,
        summary: { vi: 'thử', en: 'test' },
      }),
    };
    const service = createServiceFrom(contract, {
      'test:stream': async (_request, { progress, signal }) => {
        progress({ percent: 10, event: 'begin' });
        await new Promise<void>((resolve, reject) => {
          release = resolve;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        });
        return 'done';
      },
    });
    const { bridge, win } = wire(service);
    const seen: unknown[][] = [];
    const first = bridge['test']!['stream']!(
      {},
      {
        requestId: 'one',
        onProgress: (...args: unknown[]) => void seen.push(args),
      },
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([[{ percent: 10, event: 'begin' } satisfies Progress]]);
    release();
    expect(await first).toEqual({ ok: true, value: 'done' });
    // A late progress message for a finished request reaches nobody.
    win.send('xaso:progress', { requestId: 'one', event: { percent: 99 } });
    expect(seen).toHaveLength(1);
  });

  it('cancels by request id', async () => {
    const contract = {
      'test:wait': channel<string>()({
        request: z.object({}).strict(),
        summary: { vi: 'c', en: 'w' },
      }),
    };
    const service = createServiceFrom(contract, {
      'test:wait': (_request, { signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('x'))),
        ),
    });
    const { bridge } = wire(service);
    const call = bridge['test']!['wait']!({}, { requestId: 'job-7' });
    await new Promise((r) => setTimeout(r, 10));
    bridge.cancel('job-7');
    expect(await call).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('turns an IPC failure into an "unavailable" result instead of throwing', async () => {
    const broken: IpcRendererLike = {
      invoke: () => Promise.reject(new Error("No handler registered for 'app:info'")),
      send: () => undefined,
      on: () => undefined,
    };
    const bridge = buildBridge(['app:info'], broken);
    expect(await bridge['app']!['info']!({})).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: { vi: expect.any(String), en: expect.any(String) } },
    });
  });

  it('sends cancel only with a string id', () => {
    const sent: unknown[][] = [];
    const ipc: IpcRendererLike = {
      invoke: () => Promise.resolve(undefined),
      send: (...args: unknown[]) => void sent.push(args),
      on: () => undefined,
    };
    const bridge = buildBridge([], ipc);
    bridge.cancel('r1');
    bridge.cancel(42 as unknown as string);
    expect(sent).toEqual([[CANCEL_CHANNEL, 'r1']]);
  });

  it('refuses a channel that would hide cancel', () => {
    const ipc: IpcRendererLike = {
      invoke: () => Promise.resolve(),
      send: () => undefined,
      on: () => undefined,
    };
    expect(() => buildBridge(['cancel:all'], ipc)).toThrow(/reserved/);
  });
});
