/**
 * Constrained Language Mode (AppLocker/WDAC on government PCs), in real PowerShell: every script
 * of the catalogue runs under it, and the sweep delivers every fact that CIM cmdlets and the
 * registry give — the same checks as in Full Language mode — except the two that need .NET
 * (the Wi-Fi reader's Add-Type and the token driver's DLL header), and `os.powershell` says so.
 */
import { describe, expect, it } from 'vitest';

import { machineProbes } from '../../../diagnostics/machine-probes.js';
import { runSweep } from '../../../diagnostics/sweep.js';
import type { CheckResult } from '../../../diagnostics/types.js';
import { parseFactsOutput } from '../../../diagnostics/windows/facts.js';
import { parsePowerShellJson } from '../../../diagnostics/windows/powershell.js';
import { windowsScripts, windowsScriptText } from '../../../diagnostics/windows/scripts.js';
import {
  fakeWindowsContext,
  fakeWindowsRunner,
  RUN_WINDOWS_TESTS,
} from '../../helpers/fake-windows.js';

const MACHINES = ['vi-VN-commune-pc', 'en-US-laptop'] as const;
const NOW = Date.parse('2026-11-23T08:00:00Z');

async function sweep(machine: string, languageMode: 'FullLanguage' | 'ConstrainedLanguage') {
  const ctx = fakeWindowsContext({ machine, languageMode, now: () => NOW });
  const { checks } = await runSweep(ctx, { probes: machineProbes });
  return new Map<string, CheckResult>(checks.map((c) => [c.id, c]));
}

const seen = (c: CheckResult | undefined) =>
  c && { status: c.status, detail: c.detail, values: c.values };

describe.runIf(RUN_WINDOWS_TESTS).each(MACHINES)('Constrained Language Mode on %s', (machine) => {
  it('runs every script of the catalogue: exit 0, nothing on stderr, JSON out, the same sections', async () => {
    const runner = fakeWindowsRunner({ machine, languageMode: 'ConstrainedLanguage' });
    const full = fakeWindowsRunner({ machine });
    const failedSections = (stdout: string) =>
      [...parseFactsOutput(stdout)]
        .filter(([, r]) => r.status !== 'ok')
        .map(([s, r]) => `${s}: ${JSON.stringify(r)}`);
    for (const script of windowsScripts()) {
      const out = await runner(windowsScriptText(script), { timeoutMs: 60_000 });
      expect({ id: script.id, exit: out.exitCode, stderr: out.stderr }).toEqual({
        id: script.id,
        exit: 0,
        stderr: '',
      });
      if (script.id === 'facts') {
        // Only what fails in Full Language mode too (a machine without a thermal sensor…).
        const reference = await full(windowsScriptText(script), { timeoutMs: 60_000 });
        expect(failedSections(out.stdout), script.id).toEqual(failedSections(reference.stdout));
        expect(parseFactsOutput(out.stdout).size).toBe(parseFactsOutput(reference.stdout).size);
      } else {
        expect(parsePowerShellJson(out.stdout).status, script.id).toBe('ok');
      }
    }
  }, 120_000);

  it('delivers the same checks as Full Language mode, but for the two .NET-only facts', async () => {
    const [full, clm] = await Promise.all([
      sweep(machine, 'FullLanguage'),
      sweep(machine, 'ConstrainedLanguage'),
    ]);
    const same = [...full.keys()].filter(
      (id) => !id.startsWith('os.powershell') && !id.startsWith('signature.pkcs11-modules'),
    );
    expect(same.length).toBeGreaterThan(20);
    for (const id of same) expect(seen(clm.get(id)), id).toEqual(seen(full.get(id)));
    expect(full.get('os.powershell')?.status).toBe('ok');
    const shell = clm.get('os.powershell');
    expect(shell?.status).toBe('warn');
    expect(shell?.values).toMatchObject({ languageMode: 'ConstrainedLanguage' });
    expect(shell?.detail.vi).toContain('AppLocker/WDAC');
    // The token driver is still found, only its 32/64-bit type is not known.
    const modules = [...clm.values()].filter((c) => c.id.startsWith('signature.pkcs11-modules'));
    expect(modules.length).toBe(
      [...full.values()].filter((c) => c.id.startsWith('signature.pkcs11-modules')).length,
    );
  }, 120_000);
});
