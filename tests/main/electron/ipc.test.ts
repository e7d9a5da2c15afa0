import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { createSenderCheck, registerServiceHandlers } from '../../../main/electron/ipc.js';
import { channelNames } from '../../../main/service/contract.js';
import {
  CANCEL_CHANNEL,
  PROGRESS_CHANNEL,
  channel,
  type IpcResult,
} from '../../../main/service/define.js';
import { defaultEnv } from '../../../main/service/env.js';
import {
  createService,
  createServiceFrom,
  type Service,
  type UntypedService,
} from '../../../main/service/index.js';
import { BUSY_MESSAGE } from '../../../main/service/limiter.js';
import { FakeContents, FakeIpcMain } from './fake-ipc.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xaso-ipc-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function realService(): Service {
  return createService(defaultEnv({ door: 'test', dataDir, version: '0.0.0' }));
}

/** Registers `service` on a fake ipcMain; trusts the contents in `ours`. */
function setup(service: UntypedService, ours: FakeContents[]) {
  const ipcMain = new FakeIpcMain();
  const isTrustedSender = createSenderCheck((sender) => ours.includes(sender as FakeContents));
  const registered = registerServiceHandlers({ ipcMain, service, isTrustedSender });
  return { ipcMain, registered };
}

describe('registerServiceHandlers with the real service', () => {
  it('registers exactly one handler per channel of the contract, and the cancel listener', () => {
    const { ipcMain, registered } = setup(realService(), []);
    expect(channelNames.length).toBeGreaterThan(0);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(registered).toEqual(channelNames);
    expect(ipcMain.listeners.get(CANCEL_CHANNEL)).toHaveLength(1);
  });

  it('answers a valid request from our window', async () => {
    const win = new FakeContents();
    const { ipcMain } = setup(realService(), [win]);
    const result = (await ipcMain.invoke(win.event(), 'app:info', {
      requestId: 'a1',
      payload: {},
    })) as IpcResult<{ door: string; dataDir: string }>;
    expect(result).toMatchObject({ ok: true, value: { door: 'test', dataDir } });
  });

  it('refuses a payload the schema rejects, with a clear invalid-request error', async () => {
    const win = new FakeContents();
    const { ipcMain } = setup(realService(), [win]);
    const result = await ipcMain.invoke(win.event(), 'app:info', {
      requestId: 'a2',
      payload: { bogus: 1 },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        message: {
          vi: expect.stringContaining('app:info'),
          en: expect.stringContaining('app:info'),
        },
        issues: [{ message: { en: expect.stringContaining('bogus') } }],
      },
    });
  });

  it.each([
    ['no envelope', undefined],
    ['a bare payload', {}],
    ['a numeric request id', { requestId: 1, payload: {} }],
    ['an empty request id', { requestId: '', payload: {} }],
    ['an extra field', { requestId: 'x', payload: {}, channel: 'app:info' }],
  ])('refuses %s as a malformed envelope', async (_name, envelope) => {
    const win = new FakeContents();
    const { ipcMain } = setup(realService(), [win]);
    const result = (await ipcMain.invoke(win.event(), 'app:info', envelope)) as IpcResult<never>;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message.vi).toContain('requestId');
    expect(result.error.message.en).toContain('Malformed');
  });

  it.each([
    ['a window we did not create', new FakeContents(), false],
    ['our window showing a remote page', new FakeContents('https://evil.example/'), true],
    ['our window showing a file:// page', new FakeContents('file:///tmp/x.html'), true],
    ['an app:// page of another host', new FakeContents('app://other/index.html'), true],
  ])('refuses a call from %s', async (_name, win, trusted) => {
    const { ipcMain } = setup(realService(), trusted ? [win] : []);
    const result = (await ipcMain.invoke(win.event(), 'app:info', {
      requestId: 'u',
      payload: {},
    })) as IpcResult<never>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message.en).toContain('untrusted');
  });

  it('refuses a call whose frame is gone', async () => {
    const win = new FakeContents();
    const { ipcMain } = setup(realService(), [win]);
    const result = await ipcMain.invoke({ sender: win, senderFrame: null }, 'app:info', {
      requestId: 'g',
      payload: {},
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

/** A test service with one streaming channel that runs until told to finish or cancelled. */
function streamingService() {
  let finish: () => void = () => undefined;
  const started = new Promise<void>((resolveStarted) => {
    finish = resolveStarted;
  });
  const contract = {
    'test:stream': channel<{ steps: number }>()({
      request: z.object({ steps: z.number().int().min(1) }).strict(),
      streams: true,
      summary: { vi: 'thử', en: 'test' },
    }),
  };
  let release: () => void = () => undefined;
  const released = new Promise<void>((r) => (release = r));
  const service = createServiceFrom(contract, {
    'test:stream': async ({ steps }, { progress, signal }) => {
      for (let step = 1; step <= steps; step += 1) {
        progress({
          percent: (step / steps) * 100,
          label: { vi: `bước ${step}`, en: `step ${step}` },
        });
      }
      finish();
      await Promise.race([
        released,
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('x')))),
      ]);
      return { steps };
    },
  });
  return { service, started, release };
}

describe('progress and cancel', () => {
  it('forwards progress to the calling window, tagged with the request id', async () => {
    const { service, started, release } = streamingService();
    const win = new FakeContents();
    const { ipcMain } = setup(service, [win]);
    const call = ipcMain.invoke(win.event(), 'test:stream', {
      requestId: 'p1',
      payload: { steps: 2 },
    });
    await started;
    release();
    expect(await call).toEqual({ ok: true, value: { steps: 2 } });
    expect(win.sent).toEqual([
      {
        channel: PROGRESS_CHANNEL,
        args: [{ requestId: 'p1', event: { percent: 50, label: { vi: 'bước 1', en: 'step 1' } } }],
      },
      {
        channel: PROGRESS_CHANNEL,
        args: [{ requestId: 'p1', event: { percent: 100, label: { vi: 'bước 2', en: 'step 2' } } }],
      },
    ]);
  });

  it('aborts a running request when its window sends cancel', async () => {
    const { service, started } = streamingService();
    const win = new FakeContents();
    const { ipcMain } = setup(service, [win]);
    const call = ipcMain.invoke(win.event(), 'test:stream', {
      requestId: 'c1',
      payload: { steps: 1 },
    });
    await started;
    ipcMain.emit(win.event(), CANCEL_CHANNEL, 'c1');
    expect(await call).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('ignores a cancel from another window or an untrusted one', async () => {
    const { service, started, release } = streamingService();
    const win = new FakeContents();
    const other = new FakeContents();
    const stranger = new FakeContents();
    const { ipcMain } = setup(service, [win, other]);
    const call = ipcMain.invoke(win.event(), 'test:stream', {
      requestId: 'c2',
      payload: { steps: 1 },
    });
    await started;
    ipcMain.emit(other.event(), CANCEL_CHANNEL, 'c2');
    ipcMain.emit(stranger.event(), CANCEL_CHANNEL, 'c2');
    ipcMain.emit(win.event(), CANCEL_CHANNEL, { requestId: 'c2' });
    release();
    expect(await call).toEqual({ ok: true, value: { steps: 1 } });
  });

  it('aborts the requests of a window that is destroyed, and stops sending to it', async () => {
    const { service, started } = streamingService();
    const win = new FakeContents();
    const { ipcMain } = setup(service, [win]);
    const call = ipcMain.invoke(win.event(), 'test:stream', {
      requestId: 'd1',
      payload: { steps: 1 },
    });
    await started;
    win.destroy();
    expect(await call).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('refuses a second request with an id that is still running', async () => {
    const { service, started, release } = streamingService();
    const win = new FakeContents();
    const { ipcMain } = setup(service, [win]);
    const first = ipcMain.invoke(win.event(), 'test:stream', {
      requestId: 'same',
      payload: { steps: 1 },
    });
    await started;
    const second = await ipcMain.invoke(win.event(), 'test:stream', {
      requestId: 'same',
      payload: { steps: 1 },
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    release();
    expect(await first).toMatchObject({ ok: true });
    // Once finished, the id is free again.
    const third = ipcMain.invoke(win.event(), 'test:stream', {
      requestId: 'same',
      payload: { steps: 1 },
    });
    expect(await third).toMatchObject({ ok: true });
  });
});

describe('bounded concurrency', () => {
  it('runs a few calls of one channel at a time, queues a bounded number, answers the rest "busy"', async () => {
    const contract = {
      'test:hold': channel<{ n: number }>()({
        request: z.object({ n: z.number().int() }).strict(),
        summary: { vi: 'thử', en: 'test' },
      }),
    };
    let running = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const released = new Promise<void>((r) => (release = r));
    const service = createServiceFrom(contract, {
      'test:hold': async ({ n }) => {
        running += 1;
        most = Math.max(most, running);
        await released;
        running -= 1;
        return { n };
      },
    });
    const win = new FakeContents();
    const ipcMain = new FakeIpcMain();
    registerServiceHandlers({
      ipcMain,
      service,
      isTrustedSender: createSenderCheck((sender) => sender === win),
      limits: { active: 2, queued: 3 },
    });
    const calls = Array.from({ length: 8 }, (_, n) =>
      ipcMain.invoke(win.event(), 'test:hold', { requestId: `h${n}`, payload: { n } }),
    );
    // The three refused calls answer at once, while the others still wait.
    const refused = await Promise.all(calls.slice(5));
    expect(refused).toEqual(
      Array(3).fill({ ok: false, error: { code: 'unavailable', message: BUSY_MESSAGE } }),
    );
    release();
    const done = (await Promise.all(calls.slice(0, 5))) as IpcResult<{ n: number }>[];
    expect(done.map((r) => r.ok && r.value.n)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });
});
