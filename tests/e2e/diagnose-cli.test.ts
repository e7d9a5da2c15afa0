/**
 * `xaso diagnose --json` run for real on this Linux machine, inside a network namespace that has
 * only loopback (so network probes touch nothing real), with a SoftHSM2 token and the NTP
 * server pointed at a namespace-local SNTP answerer through XASO_* variables.
 * Runs the CLI from source with tsx (the built `out/cli/xaso.js` behaves the same; see README).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MachineSnapshot, Probe } from '../../diagnostics/types.js';
import { diagnoseCommand } from '../../main/cli/commands/diagnose.js';
import { defaultEnv } from '../../main/service/env.js';
import { createService } from '../../main/service/index.js';
import { runCliCaptured } from '../helpers/cli.js';
import { createSoftHsmToken, softHsmAvailable, type SoftHsmToken } from '../helpers/softhsm.js';

const exec = promisify(execFile);
const NS = `x3cli${process.pid % 10000}`;
const ROOT = join(import.meta.dirname, '../..');
const canNetns = process.getuid?.() === 0;

async function xaso(
  args: string[],
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await exec(
      'ip',
      [
        'netns',
        'exec',
        NS,
        join(ROOT, 'node_modules/.bin/tsx'),
        join(ROOT, 'main/cli/index.ts'),
        ...args,
      ],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024, timeout: 90_000 },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe.skipIf(!canNetns || !softHsmAvailable())(
  'xaso diagnose in a loopback-only namespace',
  () => {
    let token: SoftHsmToken;
    let dataDir: string;
    let env: Record<string, string>;

    beforeAll(async () => {
      await exec('ip', ['netns', 'del', NS]).catch(() => undefined);
      await exec('ip', ['netns', 'add', NS]);
      await exec('ip', ['-n', NS, 'link', 'set', 'lo', 'up']);
      token = await createSoftHsmToken();
      dataDir = await mkdtemp(join(tmpdir(), 'xaso-cli-'));
      // 127.0.0.1:9 (discard) has no SNTP server in the namespace: the clock check must say why.
      env = {
        ...token.env,
        XASO_PKCS11_MODULES: token.modulePath,
        XASO_NTP_SERVER: '127.0.0.1:9',
        XASO_DATA_DIR: dataDir,
        APPDATA: dataDir,
        XDG_DATA_HOME: dataDir,
      };
    });
    afterAll(async () => {
      await exec('ip', ['netns', 'del', NS]).catch(() => undefined);
      await token?.cleanup();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('--json prints a valid snapshot of the whole sweep', async () => {
      const { stdout, code } = await xaso(['diagnose', '--json', '--asset-tag', 'UBND-PC-07'], env);
      expect(code).toBe(0);
      const snapshot = JSON.parse(stdout) as MachineSnapshot;
      expect(snapshot).toMatchObject({
        schema: 1,
        platform: 'linux',
        machine: { assetTag: 'UBND-PC-07' },
      });
      expect(snapshot.checks.length).toBeGreaterThan(15);
      expect(snapshot.checks.find((c) => c.id === 'os.clock')).toMatchObject({ status: 'unknown' });
      const certs = snapshot.checks.filter((c) => c.id.startsWith('signature.token-cert.'));
      expect(certs.map((c) => c.values?.['validity']).sort()).toEqual([
        'expired',
        'expiring',
        'valid',
      ]);
    });

    it('prints a Vietnamese table by default, verdict first', async () => {
      const { stdout, code } = await xaso(['diagnose', '--only', 'signature'], env);
      expect(code).toBe(0);
      const lines = stdout.split('\n');
      expect(lines[3]).toMatch(/vấn đề cần xử lý|sẵn sàng/);
      expect(stdout).toMatch(/Ký số:/);
      expect(stdout).toMatch(
        /✖ lỗi\s+Chứng thư chữ ký số: Lê Văn Cường — Token "VNPT-CA Test": đã hết hạn 5 ngày trước/,
      );
      expect(stdout).not.toMatch(/Phần cứng:/);
    });

    it('bad --only is a usage error (exit 2, one line)', async () => {
      const { stderr, code } = await xaso(['diagnose', '--only', ''], env);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  },
);

describe('xaso diagnose progress and language (in-process CLI, fake probes)', () => {
  const probe = (id: string, status: 'ok' | 'fail'): Probe => ({
    id,
    area: 'hardware',
    title: { vi: `Bước ${id}`, en: `Step ${id}` },
    timeoutMs: 1000,
    run: async () => [
      {
        id,
        area: 'hardware',
        status,
        title: { vi: `Kiểm ${id}`, en: `Check ${id}` },
        detail: { vi: 'chi tiết', en: 'detail' },
        ...(status === 'fail' ? { fix: { text: { vi: 'Sửa thế này', en: 'Fix it so' } } } : {}),
      },
    ],
  });
  const service = createService(
    defaultEnv({
      dataDir: tmpdir(),
      door: 'test',
      version: 'test',
      diagnostics: { probes: [probe('hardware.a', 'ok'), probe('hardware.b', 'fail')] },
    }),
  );

  async function cli(
    argv: string[],
    isTty: boolean,
  ): Promise<{ out: string[]; err: string[]; code: number }> {
    const run = await runCliCaptured(argv, {
      service,
      isTty,
      commands: [diagnoseCommand],
      version: 'test',
    });
    return { out: run.outLines, err: run.errLines, code: run.code };
  }

  it('draws progress lines on stderr only on a terminal', async () => {
    const tty = await cli(['diagnose'], true);
    expect(tty.code).toBe(0);
    expect(tty.err.some((l) => /^\[100%\] Xong: Bước hardware\.[ab]$/.test(l))).toBe(true);
    expect((await cli(['diagnose'], false)).err).toEqual([]);
  });

  it('speaks English with --lang en and shows the fix under the failing check', async () => {
    const { out } = await cli(['diagnose', '--lang', 'en'], false);
    expect(out[3]).toBe('1 problem to fix (1 failing, 0 warnings).');
    const failing = out.findIndex((l) => l.includes('✖ problem') && l.includes('Check hardware.b'));
    expect(out[failing + 1]).toMatch(/→ How to fix: Fix it so/);
  });

  it('an unknown area is bad input with its reason (exit 2, as the README says)', async () => {
    const { err, code } = await cli(['diagnose', '--only', 'gpu'], false);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/gpu/);
  });
});
