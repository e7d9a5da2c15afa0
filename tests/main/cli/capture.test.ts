/**
 * `xaso capture` through the real CLI and service, with real PowerShell 7 (`--powershell`): one
 * JSON file with every read script, progress per script, the refusal on a machine that is not
 * Windows, Ctrl+C killing PowerShell, and `--scripts DIR` writing the catalogue as .ps1 files.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Capture } from '../../../diagnostics/windows/capture.js';
import { windowsScripts, windowsScriptText } from '../../../diagnostics/windows/scripts.js';
import { captureContract, type CaptureSaved } from '../../../main/service/capture/contract.js';
import { captureHandlers } from '../../../main/service/capture/handlers.js';
import { defaultEnv } from '../../../main/service/env.js';
import { createServiceFrom } from '../../../main/service/index.js';
import { runCliCaptured } from '../../helpers/cli.js';
import { PWSH } from '../../helpers/pwsh.js';

const reads = windowsScripts().filter((s) => s.kind === 'read');

async function tmp(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'xaso-capture-'));
}

function captureService(
  door: 'cli' | 'web' | 'test',
  dataDir: string,
  platform: 'win32' | 'linux' = 'linux',
) {
  const env = defaultEnv({ door, version: '9.9.9', dataDir, platform });
  return createServiceFrom(captureContract, captureHandlers(env, { seeds: () => [] }));
}

describe('xaso capture', () => {
  it('refuses on a machine that is not Windows unless --powershell names one', async () => {
    const run = await runCliCaptured(['capture', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.errLines.join('\n')).toContain(
      'A field capture runs on Windows only (Windows PowerShell 5.1)',
    );
    const vi = await runCliCaptured(['capture']);
    expect(vi.errLines.join('\n')).toContain('Ghi dữ liệu hiện trường chỉ chạy trên Windows');
  });

  it('says it plainly in the app (no developer flag): only on a Windows PC', async () => {
    const service = captureService('web', await tmp());
    const result = await service.invoke('capture:run', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unavailable');
    expect(result.error.message.vi).toBe(
      'Ghi dữ liệu hiện trường chỉ chạy trên máy Windows: hãy mở Xã Số trên máy tính của cơ quan rồi bấm lại.',
    );
    expect(`${result.error.message.vi} ${result.error.message.en}`).not.toMatch(
      /--|pwsh|PATH|ĐƯỜNG_DẪN/,
    );
  });

  it('runs every read script in real pwsh and writes one JSON file', async () => {
    const out = join(await tmp(), 'may-xa.json');
    const run = await runCliCaptured([
      'capture',
      '--out',
      out,
      '--powershell',
      PWSH,
      '--lang',
      'en',
    ]);
    expect(run.code, run.errLines.join('\n')).toBe(0);
    // One progress line per script, in order.
    expect(run.errLines.map((l) => /^\[(\d+)\/(\d+)\] (\S+)/.exec(l)?.[3])).toEqual(
      reads.map((s) => s.id),
    );
    expect(run.outLines[0]).toContain(`Saved: ${out}`);
    const capture = JSON.parse(await readFile(out, 'utf8')) as Capture;
    expect(capture).toMatchObject({
      format: 'xaso-capture',
      formatVersion: 1,
      appVersion: '9.9.9',
    });
    expect(capture.scripts.map((s) => s.id)).toEqual(reads.map((s) => s.id));
    for (const [i, s] of capture.scripts.entries()) {
      const script = reads[i];
      expect(s.commandSha256).toBe(
        createHash('sha256')
          .update(script === undefined ? '' : windowsScriptText(script))
          .digest('hex'),
      );
      expect(typeof s.durationMs).toBe('number');
    }
    // pwsh on Linux has no CIM, but the facts batch still answers section by section.
    const facts = capture.scripts.find((s) => s.id === 'facts');
    expect(facts?.exitCode).toBe(0);
    expect(facts?.stdout).toContain('{"section":"timezone","value":');
    expect(Array.isArray(capture.redactions)).toBe(true);
  }, 120_000);

  it('stops when cancelled: PowerShell is killed, nothing is written', async () => {
    const dir = await tmp();
    const service = captureService('test', dir);
    const controller = new AbortController();
    const result = await service.invoke(
      'capture:run',
      { powershell: PWSH, out: join(dir, 'c.json') },
      {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.event === 'script-started') setTimeout(() => controller.abort(), 300);
        },
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await readdir(dir)).toEqual([]);
  }, 30_000);

  it('saves in captures/ of the data folder by default, and says where', async () => {
    const dir = await tmp();
    const service = captureService('test', dir);
    const result = await service.invoke('capture:run', { powershell: PWSH });
    expect(result.ok).toBe(true);
    const saved = (result.ok ? result.value : undefined) as CaptureSaved | undefined;
    expect(saved?.path).toMatch(
      new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/captures/capture-.*\\.json$`),
    );
    expect(saved?.scripts.length).toBe(reads.length);
  }, 120_000);

  it('lets only the command line choose the file or the PowerShell program', async () => {
    const service = captureService('web', await tmp(), 'win32');
    for (const payload of [{ out: '/tmp/x.json' }, { powershell: '/bin/sh' }]) {
      expect(await service.invoke('capture:run', payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(await service.invoke('capture:scripts', { dir: '/tmp/x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

describe('xaso capture --scripts DIR', () => {
  it('writes every script as <id>.ps1 (UTF-8 with BOM, the exact command text) and a README in vi and en', async () => {
    const dir = join(await tmp(), 'scripts');
    const run = await runCliCaptured(['capture', '--scripts', dir]);
    expect(run.code, run.errLines.join('\n')).toBe(0);
    const names = (await readdir(dir)).sort();
    expect(names).toEqual([...windowsScripts().map((s) => `${s.id}.ps1`), 'README.txt'].sort());
    for (const script of windowsScripts()) {
      const bytes = await readFile(join(dir, `${script.id}.ps1`));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toBe(`${windowsScriptText(script)}\r\n`);
    }
    expect(
      (await readFile(join(dir, 'print-jobs.ps1'), 'utf8')).includes(
        'HP LaserJet P1102 (Phòng Một cửa)',
      ),
    ).toBe(true);
    const readme = await readFile(join(dir, 'README.txt'), 'utf8');
    for (const script of windowsScripts()) {
      expect(readme).toContain(`${script.id}.ps1  [${script.kind}]  ${script.title.en}`);
      expect(readme).toContain(
        `${script.id}.ps1  [${script.kind === 'read' ? 'đọc' : 'thay đổi'}]  ${script.title.vi}`,
      );
    }
    expect(readme).toContain('when the intern clicks the matching button');
    expect(readme).toContain('chỉ chạy khi sinh viên bấm nút');
  });

  it('runs each written .ps1 in pwsh as a script file (what a reviewer would do)', async () => {
    const dir = join(await tmp(), 'scripts');
    await runCliCaptured(['capture', '--scripts', dir]);
    const { execFile } = await import('node:child_process');
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        PWSH,
        ['-NoProfile', '-NonInteractive', '-File', join(dir, 'host-info.ps1')],
        (error, out, err) => {
          // No CIM on Linux: the script fails there, but it must fail at run time, not parse time.
          if (error && /ParserError|ParseException/.test(err)) reject(new Error(err));
          else resolve(out + err);
        },
      );
    });
    expect(stdout).not.toMatch(/ParserError/);
  }, 30_000);
});
