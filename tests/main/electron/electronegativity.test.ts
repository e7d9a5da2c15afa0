/**
 * Doyensec's Electronegativity (shared/TECH.md §4) over the Electron door's sources, the built
 * renderer page and package.json, with a reviewed allow-list: any other finding fails the test.
 *
 * Offline: the tool fetches translations and Electron's release list from GitHub at every run.
 * Our tests may not reach the Internet, so its HTTP client (`got`) is replaced by one that
 * refuses, through a `--require` hook; the "available security fixes" check then has no data.
 *
 * Blind spot: its window checks only look at `new BrowserWindow({ …literal… })`; our options
 * come from `mainWindowOptions()` (injected `BrowserWindow`), which window.test.ts checks instead.
 * The control case below proves the scan does see a bad window written the usual way.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const cli = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js');

/** Findings we reviewed and accept, with the reason. Keyed `RULE file`. */
const REVIEWED: Readonly<Record<string, string>> = {
  'OPEN_EXTERNAL_JS_CHECK electron/index.ts':
    'shell.openExternal is reached only through hardenWebContents, after isAllowedExternal (https + allow-listed hosts; security.test.ts).',
  'CSP_GLOBAL_CHECK renderer/index.html':
    "style-src 'unsafe-inline' is needed by React's style prop; script-src is 'self' only (security.test.ts).",
};

const NO_NETWORK = `
const Module = require('node:module');
const load = Module._load;
const refuse = () => Promise.reject(new Error('network disabled in tests'));
refuse.head = refuse; refuse.get = refuse; refuse.default = refuse;
Module._load = function (request, ...rest) {
  return request === 'got' ? refuse : load.call(this, request, ...rest);
};
`;

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'xaso-eneg-'));
  await writeFile(join(base, 'no-network.cjs'), NO_NETWORK);
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

type Finding = { rule: string; file: string; line: number | undefined; text: string };

/** Copies the scanned parts into `dir` (plus `extra` files) and runs the scan. */
async function scan(name: string, extra: Record<string, string> = {}): Promise<Finding[]> {
  const dir = join(base, name);
  await cp(join(root, 'main', 'electron'), join(dir, 'electron'), { recursive: true });
  await cp(join(root, 'out', 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'));
  await cp(join(root, 'package.json'), join(dir, 'package.json'));
  for (const [file, text] of Object.entries(extra)) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  const sarif = join(base, `${name}.sarif`);
  const run = spawnSync(
    process.execPath,
    ['--require', join(base, 'no-network.cjs'), cli, '-i', dir, '-r', '-v', 'false', '-o', sarif],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' }, timeout: 60_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  type Sarif = {
    runs: {
      results: {
        ruleId: string;
        message: { text: string };
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } };
        }[];
      }[];
    }[];
  };
  const report = JSON.parse(await readFile(sarif, 'utf8')) as Sarif;
  return report.runs.flatMap((r) =>
    r.results.map((result) => {
      const location = result.locations[0]?.physicalLocation;
      return {
        rule: result.ruleId,
        file: location?.artifactLocation.uri ?? '',
        line: location?.region?.startLine,
        text: result.message.text,
      };
    }),
  );
}

describe('electronegativity', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
      throw new Error('out/renderer is missing: run `npm run build` first');
    }
  });

  it('finds nothing outside the reviewed allow-list', async () => {
    const findings = await scan('app');
    const unreviewed = findings.filter((f) => REVIEWED[`${f.rule} ${f.file}`] === undefined);
    expect(unreviewed).toEqual([]);
  });

  it('does flag a window written without isolation or sandbox (control)', async () => {
    const bad =
      "import { BrowserWindow } from 'electron';\n" +
      'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n';
    const rules = new Set(
      (await scan('control', { 'electron/bad-window.ts': bad })).map((f) => f.rule),
    );
    expect(rules).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(rules).toContain('SANDBOX_JS_CHECK');
  });
});
