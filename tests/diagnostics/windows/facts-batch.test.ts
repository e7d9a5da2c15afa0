/**
 * The facts batch's own mechanics in real PowerShell: each section has its own budget, a hung
 * section costs only itself (PowerShell is killed and a new one runs the rest), an error costs
 * only its section, and cancelling every waiting probe kills PowerShell.
 */
import { execFileSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { runCommand } from '../../../diagnostics/run-command.js';
import type { PowerShellRunner, ProbeContext } from '../../../diagnostics/types.js';
import { FACT_SECTIONS } from '../../../diagnostics/windows/facts-script.js';
import { parseFactsOutput, windowsSection } from '../../../diagnostics/windows/facts.js';
import { createPowerShellRunner } from '../../../diagnostics/windows/powershell.js';
import { fakeFs, fakeOs } from '../../fakes/fake-host.js';
import { PWSH, RUN_WINDOWS_TESTS } from '../../helpers/pwsh.js';

/** A context whose PowerShell is pwsh with `prelude` (function overrides) before the script. */
function contextWith(prelude: string): { ctx: ProbeContext; spawns: () => number } {
  const inner = createPowerShellRunner(runCommand, process.env, PWSH);
  let count = 0;
  const powershell: PowerShellRunner = (script, options) => {
    count += 1;
    return inner(prelude + script, options);
  };
  const ctx: ProbeContext = {
    platform: 'win32',
    run: runCommand,
    powershell,
    now: () => Date.now(),
    env: {},
    os: fakeOs(),
    fs: fakeFs(),
  };
  return { ctx, spawns: () => count };
}

const cim = (slowClass: string, marker: string) =>
  `function Get-CimInstance { [CmdletBinding()] param([Parameter(Position=0)]$ClassName, $Namespace, $Filter) $null = '${marker}'; if ($ClassName -eq '${slowClass}') { Start-Sleep -Seconds 120 }; if ($ClassName -eq 'Win32_LogicalDisk') { throw 'Lỗi WMI: 0x80041010' }; [pscustomobject]@{ Name = 'Bộ xử lý ' + $ClassName; LoadPercentage = 7 } }; `;

const running = (marker: string): number => {
  try {
    return execFileSync('pgrep', ['-f', marker]).toString().trim().split('\n').length;
  } catch {
    return 0;
  }
};

/** Waits up to `ms` for `check` to hold (processes take a moment to start and to be reaped). */
async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  for (let waited = 0; waited < ms && !check(); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe.runIf(RUN_WINDOWS_TESTS)('Windows facts batch in real PowerShell', () => {
  it('times a hung section on its own budget and runs the sections after it', async () => {
    const { ctx, spawns } = contextWith(cim('Win32_Processor', 'xaso-hung-test'));
    const results = new Map(
      await Promise.all(FACT_SECTIONS.map(async (s) => [s, await windowsSection(ctx, s)] as const)),
    );
    expect(results.get('cpu')).toEqual({
      status: 'failed',
      reason: 'timeout: no answer within 8 s',
    });
    // The section after the hung one still ran, in a second PowerShell.
    expect(results.get('battery')?.status).toBe('ok');
    expect(results.get('system')?.status).toBe('ok');
    // A throwing cmdlet costs only its section, with its (Vietnamese) message.
    expect(results.get('volumes')).toEqual({
      status: 'failed',
      reason: 'PowerShell (volumes): Lỗi WMI: 0x80041010',
    });
    expect(spawns()).toBe(2);
    expect(await eventually(() => running('xaso-hung-test') === 0)).toBe(true);
  });

  it('kills PowerShell when every probe waiting for it is cancelled', async () => {
    const { ctx } = contextWith(cim('Win32_OperatingSystem', 'xaso-cancel-test'));
    const controller = new AbortController();
    const pending = windowsSection(ctx, 'os', controller.signal);
    expect(await eventually(() => running('xaso-cancel-test') > 0, 5000)).toBe(true);
    controller.abort();
    expect(await pending).toEqual({ status: 'failed', reason: 'aborted' });
    expect(await eventually(() => running('xaso-cancel-test') === 0)).toBe(true);
  });

  it('reads a whole recorded stdout, ignoring stray lines, and knows what did not finish', () => {
    const stdout = [
      'Windows PowerShell banner',
      '{"section":"cpu","start":true}',
      '{"section":"cpu","value":{"Name":"Intel"}}',
      '{"section":"os","start":true}',
      '{"section":"os","error":"Access denied"}',
      '{"section":"usb","start":true}',
    ].join('\r\n');
    const parsed = parseFactsOutput(stdout);
    expect(parsed.get('cpu')).toEqual({ status: 'ok', data: { Name: 'Intel' } });
    expect(parsed.get('os')).toEqual({
      status: 'failed',
      reason: 'PowerShell (os): Access denied',
    });
    expect(parsed.has('usb')).toBe(false);
  });
});
