/**
 * Bundles the preload with the build's own options (scripts/preload-build.mjs: one CommonJS file,
 * 'electron' external),
 * from the current sources, and runs it in a bare V8 context whose `require` knows only
 * 'electron', as a sandboxed preload's does, with a fake contextBridge/ipcRenderer.
 */
import { runInNewContext } from 'node:vm';

import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

import { channelNames } from '../../../main/service/contract.js';
import { preloadBuildOptions } from '../../../scripts/preload-build.mjs';

let preloadCode = '';

beforeAll(async () => {
  const result = await build({ ...preloadBuildOptions, write: false, logLevel: 'silent' });
  preloadCode = result.outputFiles[0]!.text;
});

type Exposed = { key: string; api: Record<string, unknown> };

function runPreload() {
  const exposed: Exposed[] = [];
  const required: string[] = [];
  const calls: unknown[][] = [];
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve({ ok: true, value: 'fake' });
    },
    send: (...args: unknown[]) => void calls.push(args),
    on: () => ipcRenderer,
    sendSync: () => {
      throw new Error('sendSync must not be used');
    },
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) =>
        void exposed.push({ key, api }),
    },
    ipcRenderer,
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require '${name}'`);
  };
  const module = { exports: {} };
  runInNewContext(preloadCode, {
    require: sandboxRequire,
    module,
    exports: module.exports,
    console,
  });
  return { exposed, required, calls, ipcRenderer };
}

describe('built preload', () => {
  it('requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    expect(new Set(runPreload().required)).toEqual(new Set(['electron']));
  });

  it('exposes window.xaso only, with one named method per channel plus cancel', () => {
    const { exposed } = runPreload();
    expect(exposed.map((e) => e.key)).toEqual(['xaso']);
    const api = exposed[0]!.api;
    const paths = Object.entries(api).flatMap(([domain, value]) =>
      typeof value === 'function'
        ? [domain]
        : Object.keys(value as object).map((m) => `${domain}:${m}`),
    );
    expect(paths.sort()).toEqual([...channelNames, 'cancel'].sort());
  });

  it('never exposes ipcRenderer or any of its functions', () => {
    const { exposed, ipcRenderer } = runPreload();
    const forbidden = new Set<unknown>([ipcRenderer, ...Object.values(ipcRenderer)]);
    const walk = (value: unknown, depth: number): void => {
      expect(forbidden.has(value)).toBe(false);
      if (depth > 0 && typeof value === 'object' && value !== null) {
        for (const inner of Object.values(value)) walk(inner, depth - 1);
      }
    };
    walk(exposed[0]!.api, 3);
  });

  it('sends an envelope { requestId, payload } on the channel of the method', async () => {
    const { exposed, calls } = runPreload();
    const api = exposed[0]!.api as { app: { info: (r: unknown, o?: unknown) => Promise<unknown> } };
    expect(await api.app.info({}, { requestId: 'r-1' })).toEqual({ ok: true, value: 'fake' });
    expect(calls).toEqual([['app:info', { requestId: 'r-1', payload: {} }]]);
  });
});
