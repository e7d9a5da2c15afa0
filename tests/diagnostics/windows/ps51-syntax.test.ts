/**
 * Windows PowerShell 5.1 is the target (issue 9, point 4). Every program text of the catalogue
 * is parsed by PowerShell's own parser (in pwsh 7.6, which knows the newer syntax and can name
 * it) and its syntax tree is walked for what 5.1 lacks: the list is data, with a source per
 * entry (diagnostics/windows/ps51-forbidden.json). A sample of every forbidden feature proves the
 * walker finds it. Static checks: no encoded program text, `Add-Type` only in the Wi-Fi script.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { windowsScripts, windowsScriptText } from '../../../diagnostics/windows/scripts.js';
import { runPwsh } from '../../helpers/run-pwsh.js';

const RULES_PATH = join(import.meta.dirname, '../../../diagnostics/windows/ps51-forbidden.json');
const WALKER = join(import.meta.dirname, '../../helpers/ps51-walk.ps1');

type Rule = Readonly<{
  id: string;
  what: string;
  since: string;
  source: string;
  match: { kind: string };
}>;
type WalkReport = Readonly<{
  id: string;
  parseErrors: readonly { message: string; line: number }[];
  findings: readonly { rule: string; line: number; text: string }[];
}>;

const rules = (JSON.parse(readFileSync(RULES_PATH, 'utf8')) as { rules: Rule[] }).rules;
const tmp = mkdtempSync(join(tmpdir(), 'xaso-ps51-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function walk(scripts: readonly { id: string; text: string }[]): Promise<WalkReport[]> {
  const input = join(tmp, `scripts-${String(Date.now())}-${String(Math.random()).slice(2)}.json`);
  writeFileSync(input, JSON.stringify(scripts), 'utf8');
  const stdout = await runPwsh(['-File', WALKER, '-InputPath', input, '-RulesPath', RULES_PATH]);
  return JSON.parse(stdout) as WalkReport[];
}

/** One sample per rule id, each using the forbidden feature once (inside otherwise 5.1 code). */
const SAMPLES: Readonly<Record<string, string>> = {
  ternary: '$a = $true; $b = $a ? 1 : 2',
  'pipeline-chain': 'Get-Item . && Write-Output ok',
  'null-coalescing': '$x = $null; $y = $x ?? "máy in"',
  'null-coalescing-assignment': '$x = $null; $x ??= 3',
  'null-conditional-member': '$p = Get-Item .; ${p}?.FullName; ${p}?.ToString()',
  'null-conditional-index': '$n = 1, 2; ${n}?[0]',
  'clean-block': 'function f { process { $_ } clean { Write-Output done } }',
  'foreach-parallel': '1..3 | ForEach-Object -Parallel { $_ }',
  'convertfrom-json-ashashtable': '\'{"a":1}\' | ConvertFrom-Json -AsHashtable',
  'convertfrom-json-depth': '\'{"a":1}\' | ConvertFrom-Json -Depth 3',
  'convertfrom-json-noenumerate': "'[1]' | ConvertFrom-Json -NoEnumerate",
  'convertto-json-asarray': '@{a=1} | ConvertTo-Json -AsArray',
  'convertto-json-escapehandling': '@{a=1} | ConvertTo-Json -EscapeHandling EscapeNonAscii',
  'convertto-json-enumsasstrings': 'Get-Date | ConvertTo-Json -EnumsAsStrings',
  'get-content-asbytestream': 'Get-Content -LiteralPath a.bin -AsByte',
  'set-content-asbytestream': 'Set-Content -LiteralPath a.bin -Value ([byte[]](1,2)) -AsByteStream',
  'add-content-asbytestream': 'Add-Content -LiteralPath a.bin -Value ([byte[]](1)) -AsByteStream',
  'invoke-webrequest-skipcertificatecheck': 'iwr https://127.0.0.1/ -SkipCertificateCheck',
  'invoke-restmethod-skipcertificatecheck':
    'Invoke-RestMethod https://127.0.0.1/ -SkipCertificateCheck',
  'get-error': 'try { 1/0 } catch { Get-Error }',
  'join-string': '1, 2 | Join-String -Separator ","',
  'test-json': "Test-Json -Json '{}'",
  'convertfrom-markdown': 'ConvertFrom-Markdown -InputObject "# a"',
  'get-uptime': 'Get-Uptime',
  psstyle: '$PSStyle.Reset',
  'is-windows': 'if ($IsLinux) { 1 }',
};

describe('the 5.1 forbidden list', () => {
  it('gives every entry a Microsoft Learn source, a version and a sample', () => {
    for (const rule of rules) {
      expect(rule.source, rule.id).toMatch(/^https:\/\/learn\.microsoft\.com\/powershell\//);
      expect(rule.since, rule.id).toMatch(/^[67]\.\d$/);
    }
    expect(Object.keys(SAMPLES).sort()).toEqual(rules.map((r) => r.id).sort());
  });
});

describe('every catalogue script in the real PowerShell parser', () => {
  const scripts = windowsScripts().map((s) => ({ id: s.id, text: windowsScriptText(s) }));

  it('parses each script with no error and finds nothing Windows PowerShell 5.1 lacks', async () => {
    const reports = await walk(scripts);
    expect(reports.map((r) => r.id)).toEqual(scripts.map((s) => s.id));
    for (const report of reports) {
      expect(report.parseErrors, report.id).toEqual([]);
      expect(report.findings, report.id).toEqual([]);
    }
  });

  it('catches a sample of every forbidden feature (the walker really walks)', async () => {
    const reports = await walk(Object.entries(SAMPLES).map(([id, text]) => ({ id, text })));
    for (const report of reports) {
      expect(report.parseErrors, report.id).toEqual([]);
      expect(
        report.findings.map((f) => f.rule),
        report.id,
      ).toContain(report.id);
      // Each sample uses one feature only: nothing else may be flagged.
      expect(new Set(report.findings.map((f) => f.rule)), report.id).toEqual(new Set([report.id]));
    }
  });

  it('reports a parse error rather than passing a broken script', async () => {
    const [report] = await walk([{ id: 'broken', text: 'if ($a { "không đóng ngoặc"' }]);
    expect(report?.parseErrors.length).toBeGreaterThan(0);
  });
});

describe('the catalogue scripts carry their program in plain text', () => {
  const scripts = windowsScripts().map((s) => ({ id: s.id, text: windowsScriptText(s) }));

  it.each(scripts)('$id has no base64 program text', ({ text }) => {
    expect(text).not.toMatch(/FromBase64String/i);
    expect(text).not.toMatch(/-e(nc(odedcommand)?)?\b\s/i);
    // A long run of base64 alphabet (an embedded encoded payload); identifiers and paths are shorter.
    expect(text).not.toMatch(/[A-Za-z0-9+/]{120,}={0,2}/);
  });

  it('uses Add-Type only in the wifi script', () => {
    const withAddType = scripts.filter((s) => /Add-Type/i.test(s.text)).map((s) => s.id);
    expect(withAddType).toEqual(['wifi']);
  });
});
