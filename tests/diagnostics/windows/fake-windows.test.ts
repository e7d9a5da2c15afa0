/**
 * The fake-Windows module itself (tests/fakes/windows/FakeWindows.psm1): documented types and
 * enums, -ErrorAction and $ErrorActionPreference as with real cmdlets, delegation of everything
 * that is not Windows-only to the real cmdlets, and Constrained Language Mode for the caller.
 */
import { describe, expect, it } from 'vitest';

import {
  parsePowerShellJson,
  powershellCommandText,
} from '../../../diagnostics/windows/powershell.js';
import {
  fakeWindowsRunner,
  PWSH,
  RUN_WINDOWS_TESTS,
  type FakeWindowsOptions,
} from '../../helpers/fake-windows.js';

/** Runs `body` (wrapped like every app script) and returns its JSON. */
async function run(
  body: string,
  options: FakeWindowsOptions = { machine: 'vi-VN-commune-pc' },
): Promise<Record<string, unknown>> {
  const output = await fakeWindowsRunner(options)(powershellCommandText(body), {
    timeoutMs: 60_000,
  });
  expect(output.stderr).toBe('');
  const parsed = parsePowerShellJson(output.stdout);
  if (parsed.status !== 'ok') throw new Error(parsed.reason);
  return parsed.data as Record<string, unknown>;
}

describe.runIf(RUN_WINDOWS_TESTS)('FakeWindows.psm1', () => {
  it('finds pwsh', () => {
    expect(PWSH).toBeDefined();
  });

  it('gives the documented .NET types and enums', async () => {
    const data = await run(
      "$o=Get-CimInstance Win32_OperatingSystem; $d=Get-PhysicalDisk; $s=Get-Service -Name SCardSvr; $c=@(Get-ChildItem Cert:\\CurrentUser\\My)[0]; $f=Get-NetFirewallProfile -Name Public; $n=Get-NetNeighbor -AddressFamily IPv4 | Select-Object -First 1; $p=Get-Printer -Name 'Máy in Một cửa'; $v=Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'; " +
        'xasoJson ([ordered]@{ Boot=$o.LastBootUpTime.GetType().Name; Memory=$o.TotalVisibleMemorySize.GetType().Name; Size=$d.Size.GetType().Name; MediaType=[string]$d.MediaType; BusType=[int]$d.BusType; Status=$s.Status.GetType().FullName; StatusInt=[int]$s.Status; StatusText=[string]$s.Status; StartType=[string]$s.StartType; Cert=$c.GetType().FullName; Key=$c.HasPrivateKey; NotAfter=$c.NotAfter.GetType().Name; Firewall=[int]$f.Enabled; Neighbor=[string]$n.State; PrinterStatus=[string]$p.PrinterStatus; PrinterStatusInt=[int]$p.PrinterStatus; Ubr=$v.UBR.GetType().Name; Zone=(Get-TimeZone).GetType().FullName; Culture=(Get-Culture).TextInfo.ANSICodePage })',
    );
    expect(data).toEqual({
      Boot: 'DateTime',
      Memory: 'UInt64',
      Size: 'UInt64',
      MediaType: 'Unspecified',
      BusType: 17,
      Status: 'System.ServiceProcess.ServiceControllerStatus',
      StatusInt: 1,
      StatusText: 'Stopped',
      StartType: 'Manual',
      Cert: 'System.Security.Cryptography.X509Certificates.X509Certificate2',
      Key: true,
      NotAfter: 'DateTime',
      Firewall: 1,
      Neighbor: 'Reachable',
      PrinterStatus: 'Error, PaperJam',
      PrinterStatusInt: 10,
      Ubr: 'Int32',
      Zone: 'System.TimeZoneInfo',
      Culture: 1258,
    });
  });

  it('honours -ErrorAction, and Stop makes a non-terminating error catchable (as cmdlets do)', async () => {
    const data = await run(
      "$a=@(Get-Service -Name NoSuchService -ErrorAction SilentlyContinue).Count; $b=try { Get-Service -Name NoSuchService; 'not thrown' } catch { [string]$_.Exception.Message }; $c=try { Get-CimInstance Win32_NoSuchClass; 'not thrown' } catch { [string]$_.FullyQualifiedErrorId }; $d=try { Get-ItemProperty 'HKLM:\\SOFTWARE\\NoSuchKey'; 'not thrown' } catch { [string]$_.Exception.Message }; $e=Get-ItemProperty 'HKLM:\\SOFTWARE\\NoSuchKey' -ErrorAction SilentlyContinue; xasoJson ([ordered]@{ Silent=$a; Stop=$b; Cim=$c; Registry=$d; SilentRegistry=($null -eq $e) })",
    );
    expect(data).toEqual({
      Silent: 0,
      Stop: "Cannot find any service with service name 'NoSuchService'.",
      // PowerShell appends the function's name to the id (",Get-CimInstance"); no script reads it.
      Cim: expect.stringMatching(
        /^HRESULT 0x80041010,Microsoft\.Management\.Infrastructure\.CimCmdlets\.GetCimInstanceCommand/,
      ),
      Registry: "Cannot find path 'HKLM:\\SOFTWARE\\NoSuchKey' because it does not exist.",
      SilentRegistry: true,
    });
  });

  it('leaves the file system to the real cmdlets (Test-Path, Get-Item, Get-ChildItem, Get-ItemProperty)', async () => {
    const data = await run(
      "$dir=\"$env:SystemRoot\\SysWOW64\"; xasoJson ([ordered]@{ TestPath=(Test-Path -LiteralPath (Join-Path $dir 'eTPKCS11.dll')); Missing=(Test-Path (Join-Path $dir 'none.dll')); Item=(Get-Item -LiteralPath (Join-Path $dir 'eTPKCS11.dll')).Length; Children=@(Get-ChildItem -LiteralPath $dir | ForEach-Object Name); Prop=(Get-ItemProperty -LiteralPath (Join-Path $dir 'eTPKCS11.dll')).Length })",
    );
    expect(data).toEqual({
      TestPath: true,
      Missing: false,
      Item: 512,
      Children: ['eTPKCS11.dll', 'vnptca_p11_v8.dll'],
      Prop: 512,
    });
  });

  it('keeps working for a caller in Constrained Language Mode (the module stays FullLanguage)', async () => {
    const data = await run(
      'xasoJson ([ordered]@{ Mode=[string]$ExecutionContext.SessionState.LanguageMode; Clm=$xasoClm; Os=(Get-CimInstance Win32_OperatingSystem).Caption; Certs=@(Get-ChildItem Cert:\\CurrentUser\\My).Count })',
      { machine: 'vi-VN-commune-pc', languageMode: 'ConstrainedLanguage' },
    );
    expect(data).toEqual({
      Mode: 'ConstrainedLanguage',
      Clm: true,
      Os: 'Microsoft Windows 11 Pro',
      Certs: 1,
    });
  });

  it('PowerShell 7 prints warning/verbose/information/host records on stdout when redirected; the preamble keeps them off (shared/TECH.md §10)', async () => {
    const body =
      "Write-Warning 'w1'; Write-Verbose 'v1' -Verbose; Write-Information 'i1' -InformationAction Continue; Write-Host 'h1'; Write-Progress -Activity 'a' -Status 's'; 'out'";
    const raw = await fakeWindowsRunner({ machine: 'en-US-laptop' })(body, { timeoutMs: 60_000 });
    expect(raw.stdout).toMatch(/WARNING: w1/);
    expect(raw.stdout).toMatch(/VERBOSE: v1/);
    expect(raw.stdout).toMatch(/^i1$/m);
    expect(raw.stdout).toMatch(/^h1$/m);
    const wrapped = await fakeWindowsRunner({ machine: 'en-US-laptop' })(
      powershellCommandText(body),
      { timeoutMs: 60_000 },
    );
    expect(wrapped).toMatchObject({ stdout: 'out\n', stderr: '', exitCode: 0 });
  });

  it('slows a cmdlet down on request', async () => {
    const data = await run(
      '$t=[Diagnostics.Stopwatch]::StartNew(); $null=Get-HotFix; xasoJson @{ Ms=$t.ElapsedMilliseconds }',
      { machine: 'en-US-laptop', faults: [{ cmdlet: 'Get-HotFix', kind: 'slow', ms: 1500 }] },
    );
    expect(data['Ms']).toBeGreaterThanOrEqual(1500);
  });
});
