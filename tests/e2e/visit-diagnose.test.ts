/**
 * `xaso diagnose --visit FILE` with the built CLI, run twice in a loopback-only network namespace
 * (the sweep's network probes cannot leave this machine): the first run adds this PC to the
 * visit, the second replaces its result (same fingerprint) instead of adding a second machine.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const CLI = resolve('out/cli/xaso.js');
const NS = `x6cli${process.pid % 10000}`;
const canNetns = process.getuid?.() === 0;
let dir = '';

async function xaso(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await exec(
      'ip',
      ['netns', 'exec', NS, process.execPath, CLI, ...args],
      {
        env: { ...process.env, XASO_DATA_DIR: join(dir, 'data'), XASO_NTP_SERVER: '127.0.0.1:9' },
        maxBuffer: 1e8,
        timeout: 120_000,
      },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe.skipIf(!canNetns)('xaso diagnose --visit', () => {
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('out/cli/xaso.js is missing: run `npm run build` first');
    dir = await mkdtemp(join(tmpdir(), 'xaso-visit-diag-'));
    await exec('ip', ['netns', 'del', NS]).catch(() => undefined);
    await exec('ip', ['netns', 'add', NS]);
    await exec('ip', ['-n', NS, 'link', 'set', 'lo', 'up']);
  });
  afterAll(async () => {
    await exec('ip', ['netns', 'del', NS]).catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('adds this PC to the visit, and replaces it on a second run', async () => {
    const file = join(dir, 'stick', 'xa-dong-hung.json');
    expect(
      (
        await xaso([
          'visit',
          'new',
          '--commune',
          'Xã Đông Hưng',
          '--province',
          'Thái Bình',
          '--intern',
          'Phạm Thu Trang',
          '--out',
          file,
        ])
      ).code,
    ).toBe(0);
    const first = await xaso(['diagnose', '--only', 'hardware,os', '--visit', file, '--json']);
    expect(first.stderr).toMatch(/Đã thêm vào chuyến công tác Xã Đông Hưng: .* máy mới; 1 máy\./);
    const snapshot = JSON.parse(first.stdout) as { machine: { fingerprint: string } };
    const second = await xaso(['diagnose', '--only', 'hardware', '--visit', file]);
    expect(second.stderr).toMatch(/thay kết quả cũ của máy này/);
    const visit = JSON.parse(await readFile(file, 'utf8')) as {
      machines: Array<{ snapshot: { machine: { fingerprint: string } } }>;
    };
    expect(visit.machines.map((m) => m.snapshot.machine.fingerprint)).toEqual([
      snapshot.machine.fingerprint,
    ]);
  });
});
