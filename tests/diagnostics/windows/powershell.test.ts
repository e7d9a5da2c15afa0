/**
 * The PowerShell door in real PowerShell (`pwsh`): what reaches stdout, how Vietnamese survives
 * any console code page, where Windows PowerShell is started from, and what the parser tolerates.
 */
import { describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { decodeStderr, runCommand } from '../../../diagnostics/run-command.js';
import type { RunCommand } from '../../../diagnostics/types.js';
import {
  createPowerShellRunner,
  parsePowerShellJson,
  powershellCommandText,
  powershellPath,
} from '../../../diagnostics/windows/powershell.js';
import { PWSH, RUN_WINDOWS_TESTS } from '../../helpers/pwsh.js';

const pwsh = createPowerShellRunner(runCommand, process.env, PWSH);
const runBody = (body: string, prefix = '') =>
  pwsh(prefix + powershellCommandText(body), { timeoutMs: 30_000 });

describe('where Windows PowerShell is started from', () => {
  it('is always the absolute System32 path, never a powershell.exe from the current folder', () => {
    expect(powershellPath({ SystemRoot: 'C:\\Windows' })).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    expect(powershellPath({ SystemRoot: 'D:\\WIN\\' })).toBe(
      'D:\\WIN\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    expect(powershellPath({})).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });

  it('reaches the 64-bit PowerShell from a 32-bit process (Sysnative)', () => {
    expect(powershellPath({ SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITEW6432: 'AMD64' })).toBe(
      'C:\\Windows\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });

  it('is what the Windows context runs, with the documented argv', async () => {
    const calls: { file: string; args: readonly string[] }[] = [];
    const run: RunCommand = async (file, args) => {
      calls.push({ file, args });
      return { stdout: '{"a":1}', stderr: '', exitCode: 0, truncated: false };
    };
    const runner = createPowerShellRunner(run, { SystemRoot: 'C:\\Windows' });
    await runner('xasoJson 1', { timeoutMs: 1000 });
    expect(calls[0]?.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(calls[0]?.args).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-Command',
      'xasoJson 1',
    ]);
  });

  it('is pwsh (or XASO_PWSH) on other systems, for developers and captures', () => {
    const ctx = createProbeContext();
    expect(typeof ctx.powershell).toBe('function');
  });
});

describe.runIf(RUN_WINDOWS_TESTS)('nothing but JSON reaches stdout (real PowerShell)', () => {
  it('silences warning, verbose, debug, progress, information and host records', async () => {
    const out = await runBody(
      "Write-Warning 'cảnh báo'; Write-Verbose 'chi tiết' -Verbose; Write-Debug 'gỡ lỗi' -Debug; Write-Progress -Activity 'tiến độ' -Status 'x'; Write-Information 'thông tin'; Write-Host 'màn hình'; xasoJson @{ ok = $true }",
    );
    expect(out.exitCode).toBe(0);
    expect(out.stdout.trim()).toBe('{"ok":true}');
  });

  it('writes Vietnamese as \\u escapes: pure ASCII on any console code page (1258 included)', async () => {
    const out = await runBody(
      "xasoJson ([ordered]@{ Name = 'Máy in Một cửa — Kế toán'; Error = 'Không tìm thấy đường dẫn' })",
    );
    expect(out.stdout.trim()).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(out.stdout)).toEqual({
      Name: 'Máy in Một cửa — Kế toán',
      Error: 'Không tìm thấy đường dẫn',
    });
  });

  it('keeps the same output under Constrained Language Mode, and says it is there', async () => {
    const clm = "$ExecutionContext.SessionState.LanguageMode='ConstrainedLanguage'; ";
    const out = await runBody("xasoJson ([ordered]@{ Clm = $xasoClm; Name = 'Tiếng Việt' })", clm);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({ Clm: true, Name: 'Tiếng Việt' });
    const full = await runBody('xasoJson $xasoClm');
    expect(JSON.parse(full.stdout)).toBe(false);
  });

  it('tolerates a stray line before or after the JSON', () => {
    expect(parsePowerShellJson('Đang tải hồ sơ...\r\n{"a":[1,2]}\r\n')).toEqual({
      status: 'ok',
      data: { a: [1, 2] },
    });
    expect(parsePowerShellJson('{"a":1}\nWARNING: module is old\n')).toEqual({
      status: 'ok',
      data: { a: 1 },
    });
    expect(parsePowerShellJson('\uFEFF[1]')).toEqual({ status: 'ok', data: [1] });
    expect(parsePowerShellJson('WARNING: only this').status).toBe('failed');
    expect(parsePowerShellJson('').status).toBe('failed');
  });

  it('reads stderr in code page 1258 when it is not UTF-8 (errors outside every try)', () => {
    // "Không tìm thấy" in windows-1258: ô = F4, grave = CC (combining), â = E2, acute = EC.
    const bytes = Buffer.from([
      0x4b, 0x68, 0xf4, 0x6e, 0x67, 0x20, 0x74, 0x69, 0xcc, 0x6d, 0x20, 0x74, 0x68, 0xe2, 0xec,
      0x79,
    ]);
    expect(decodeStderr(bytes, 'windows-1258').normalize('NFC')).toBe('Không tìm thấy');
    expect(decodeStderr(Buffer.from('Lỗi UTF-8', 'utf8'), 'windows-1258')).toBe('Lỗi UTF-8');
  });
});
