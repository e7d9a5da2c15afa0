/**
 * Bench: cost of the Electron preload, which runs before every window can show anything. The
 * shipped preload imports the contract for its channel names (so zod and every schema come along);
 * the baseline is a preload with the same bridge but the names written in (no contract).
 * Each is bundled with the build's own options (scripts/preload-build.mjs) and evaluated in a fresh V8 context 30 times.
 * Target: shipped preload ≤ 50 ms median here (informational; old office PCs are slower).
 */
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

import { build, type BuildOptions } from 'esbuild';

import { channelNames } from '../../main/service/contract.js';
import { preloadBuildOptions } from '../preload-build.mjs';

const root = resolve(import.meta.dirname, '../..');
const { entryPoints, ...shared } = preloadBuildOptions;
const options: BuildOptions & { write: false } = { ...shared, write: false, logLevel: 'silent' };

async function bundle(minify: boolean, baseline: boolean): Promise<string> {
  const result = baseline
    ? await build({
        ...options,
        minify,
        stdin: {
          contents:
            "import { contextBridge, ipcRenderer } from 'electron';\n" +
            "import { buildBridge } from './main/electron/bridge.ts';\n" +
            `contextBridge.exposeInMainWorld('xaso', buildBridge(${JSON.stringify(channelNames)}, ipcRenderer));\n`,
          resolveDir: root,
          loader: 'ts',
        },
      })
    : await build({ ...options, minify, entryPoints });
  return result.outputFiles[0]!.text;
}

const fakeElectron = {
  contextBridge: { exposeInMainWorld: () => undefined },
  ipcRenderer: { on: () => undefined, invoke: () => Promise.resolve(), send: () => undefined },
};

function medianEvalMs(code: string, rounds = 30): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const module = { exports: {} };
    const start = performance.now();
    runInNewContext(code, {
      require: () => fakeElectron,
      module,
      exports: module.exports,
      console,
    });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Prints size and median evaluation time of each variant, with the ratio to the baseline. */
export async function run(): Promise<void> {
  const variants = [
    { name: 'shipped (contract imported)', code: await bundle(false, false) },
    { name: 'shipped, minified', code: await bundle(true, false) },
    { name: 'baseline (names written in)', code: await bundle(false, true) },
  ];
  const results = variants.map((v) => ({ ...v, ms: medianEvalMs(v.code) }));
  const base = results[2]!;
  for (const r of results) {
    const kb = (r.code.length / 1024).toFixed(0).padStart(5);
    const ratio = (r.ms / base.ms).toFixed(1);
    console.log(
      `${r.name.padEnd(30)} ${kb} KB  median ${r.ms.toFixed(1).padStart(6)} ms  ×${ratio} baseline`,
    );
  }
}
