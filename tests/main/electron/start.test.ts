/**
 * `npm start` (scripts/start.mjs): Electron when its binary can be had and a desktop exists,
 * otherwise the real web door. The Electron binary is a fake script here (ELECTRON_OVERRIDE_DIST_PATH,
 * honoured by the electron package); failed and stalled downloads go to loopback ports only.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'xaso-start-'));
  const fake = join(base, 'fake-electron');
  await mkdir(fake);
  await writeFile(
    join(fake, 'electron'),
    '#!/bin/sh\necho "fake-electron args=$*"\necho "run-as-node=${ELECTRON_RUN_AS_NODE:-unset}"\nexit 3\n',
  );
  await chmod(join(fake, 'electron'), 0o755);
  await mkdir(join(base, 'empty'));
  if (!existsSync(join(root, 'out', 'web', 'xaso-web.js'))) {
    throw new Error('out/web/xaso-web.js is missing: run `npm run build` first');
  }
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs start.mjs; when `until` matches stdout, sends SIGTERM (the web door runs until stopped). */
function start(env: Record<string, string>, args: string[] = [], until?: RegExp): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(DISPLAY|WAYLAND_DISPLAY|ELECTRON_|electron_)/.test(k),
    ),
  );
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), ...args], {
    cwd: root,
    env: { ...clean, XASO_DATA_DIR: join(base, 'data'), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // A moment's grace: the web door installs its signal handlers right after printing.
    if (until?.test(stdout)) setTimeout(() => child.kill('SIGTERM'), 300);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveRun) => {
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

// Once the real binary has been downloaded (a connected CI), the download path cannot be exercised
// without touching node_modules: those two cases are skipped there.
const electronInstalled = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));

const WEB_URL = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/;

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('scripts/start.mjs', () => {
  it('runs Electron on the project, passing arguments and the exit code through', async () => {
    const run = await start(
      {
        DISPLAY: ':99',
        ELECTRON_OVERRIDE_DIST_PATH: join(base, 'fake-electron'),
        ELECTRON_RUN_AS_NODE: '1',
      },
      ['--lang', 'vi'],
    );
    expect(run.stdout).toContain(`fake-electron args=${root} --lang vi`);
    expect(run.stdout).toContain('run-as-node=unset');
    expect(run.code).toBe(3);
  });

  it('starts the web mode, saying why, when the Electron binary is missing', async () => {
    const run = await start(
      { DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: join(base, 'empty') },
      [],
      WEB_URL,
    );
    expect(run.stdout).toMatch(WEB_URL);
    expect(run.stderr).toContain('chế độ web');
    expect(run.stderr).toContain('web mode');
    expect(run.stderr).toMatch(/Lý do \/ Reason: .*missing file/);
    expect(run.code).toBe(0);
  });

  it.skipIf(electronInstalled)(
    'starts the web mode when the download fails (offline)',
    async () => {
      const port = await closedPort();
      const run = await start(
        {
          DISPLAY: ':99',
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: join(base, 'cache'),
        },
        [],
        WEB_URL,
      );
      expect(run.stderr).toMatch(/download failed/);
      expect(run.stdout).toMatch(WEB_URL);
    },
  );

  it.skipIf(electronInstalled)(
    'starts the web mode when the download stalls past the time limit',
    async () => {
      const sockets: Socket[] = [];
      const server: Server = createServer((socket) => void sockets.push(socket)); // accepts, never answers
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const { port } = server.address() as { port: number };
      try {
        const run = await start(
          {
            DISPLAY: ':99',
            ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
            electron_config_cache: join(base, 'cache'),
            XASO_ELECTRON_DOWNLOAD_TIMEOUT_MS: '1500',
          },
          [],
          WEB_URL,
        );
        expect(run.stderr).toMatch(/download took over 1\.5 s/);
        expect(run.stdout).toMatch(WEB_URL);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((r) => server.close(r));
      }
    },
  );

  it.runIf(process.platform === 'linux')(
    'starts the web mode on Linux without a graphical display, without downloading',
    async () => {
      const run = await start(
        { ELECTRON_OVERRIDE_DIST_PATH: join(base, 'fake-electron') },
        [],
        WEB_URL,
      );
      expect(run.stdout).not.toContain('fake-electron');
      expect(run.stderr).toMatch(/DISPLAY/);
      expect(run.stderr).not.toMatch(/Downloading/);
      expect(run.stdout).toMatch(WEB_URL);
    },
  );
});
