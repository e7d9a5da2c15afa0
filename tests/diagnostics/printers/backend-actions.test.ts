/**
 * Spooler restart and printer actions. CUPS through a recording runner (restarting the machine's
 * real CUPS would disturb every other test on this shared machine; it answers with the exit codes
 * the real tools give). Windows: the shipped scripts run in pwsh against the fake machines.
 */
import { describe, expect, it } from 'vitest';

import { createPowerShellRunner } from '../../../diagnostics/windows/powershell.js';
import { printerBackend } from '../../../diagnostics/printers/backend.js';
import { listCupsPrinters } from '../../../diagnostics/printers/cups.js';
import { isSpoolerStopped } from '../../../diagnostics/printers/faults.js';
import { printersProbe } from '../../../diagnostics/printers/printers-probe.js';
import type { CommandOutput, ProbeContext, RunCommand } from '../../../diagnostics/types.js';
import { fakeFs, fakeOs } from '../../fakes/fake-host.js';
import {
  fakeWindowsContext,
  RUN_WINDOWS_TESTS,
  type FakeWindowsOptions,
} from '../../helpers/fake-windows.js';

/** A fake Windows machine whose PowerShell runs are recorded. */
function windows(options: FakeWindowsOptions): { ctx: ProbeContext; scripts: string[] } {
  const base = fakeWindowsContext(options);
  const scripts: string[] = [];
  return {
    ctx: { ...base, powershell: (script, o) => (scripts.push(script), base.powershell(script, o)) },
    scripts,
  };
}

function recording(
  answer: (file: string, args: readonly string[]) => Partial<CommandOutput>,
  platform: ProbeContext['platform'],
) {
  const calls: { file: string; args: readonly string[] }[] = [];
  const run: RunCommand = async (file, args) => {
    calls.push({ file, args });
    return { stdout: '', stderr: '', exitCode: 0, truncated: false, ...answer(file, args) };
  };
  let t = 0;
  const ctx: ProbeContext = {
    platform,
    run,
    powershell: createPowerShellRunner(run, {}),
    now: () => (t += 100),
    env: {},
    os: fakeOs(),
    fs: fakeFs(),
  };
  return { ctx, calls };
}

describe('restart spooler', () => {
  it('CUPS: runs systemctl restart cups and reports failure with the reason', async () => {
    const { ctx, calls } = recording(
      () => ({ exitCode: 1, stderr: 'System has not been booted with systemd' }),
      'linux',
    );
    const report = await printerBackend(ctx).restartSpooler();
    expect(calls).toEqual([{ file: 'systemctl', args: ['restart', 'cups'] }]);
    expect(report.actions).toEqual([
      {
        what: expect.objectContaining({ vi: expect.stringMatching(/CUPS/) }),
        ok: false,
        detail: 'System has not been booted with systemd',
      },
    ]);
  });

  it.runIf(RUN_WINDOWS_TESTS)(
    'Windows (pwsh, fake PC): Restart-Service, then the spooler status',
    async () => {
      const { ctx, scripts } = windows({ machine: 'vi-VN-commune-pc' });
      const report = await printerBackend(ctx).restartSpooler();
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toContain('Restart-Service -Name Spooler');
      expect(report.actions[0]).toMatchObject({ ok: true, detail: 'Spooler: Running' });
    },
  );

  it.runIf(RUN_WINDOWS_TESTS)(
    'Windows (pwsh, fake PC): access denied is a failed action, not a crash',
    async () => {
      const { ctx } = windows({
        machine: 'vi-VN-commune-pc',
        faults: [
          {
            cmdlet: 'Restart-Service',
            kind: 'throw',
            message: "Cannot open Spooler service on computer '.'.",
          },
        ],
      });
      const report = await printerBackend(ctx).restartSpooler();
      expect(report.actions[0]?.ok).toBe(false);
      expect(JSON.stringify(report.actions[0])).toContain('Cannot open Spooler service');
    },
  );
});

describe.runIf(RUN_WINDOWS_TESTS)('Windows test page and queue (pwsh, fake machines)', () => {
  it('prints the driver test page and follows the queue until it empties', async () => {
    const { ctx, scripts } = windows({ machine: 'vi-VN-commune-pc' });
    const result = await printerBackend(ctx).printTestPage('Microsoft Print to PDF', {
      timeoutMs: 60_000,
    });
    expect(result.outcome).toBe('completed');
    expect(scripts.some((s) => s.includes('PrintTestPage'))).toBe(true);
  });

  it('stops following when a job of the queue reports an error (paper jam)', async () => {
    const { ctx } = windows({ machine: 'vi-VN-commune-pc' });
    const result = await printerBackend(ctx).printTestPage('Máy in Một cửa', { timeoutMs: 60_000 });
    expect(result).toMatchObject({
      outcome: 'failed',
      finalState: expect.stringContaining('Error'),
    });
  });

  it('says access denied (5) plainly', async () => {
    const { ctx } = windows({ machine: 'en-US-laptop' });
    const result = await printerBackend(ctx).printTestPage('HP LaserJet P1102 (Phòng Một cửa)');
    expect(result).toMatchObject({ outcome: 'failed' });
    expect(result.detail.en).toMatch(/access denied/);
  });

  it('clears a queue and counts before/after', async () => {
    const { ctx } = windows({ machine: 'vi-VN-commune-pc' });
    const report = await printerBackend(ctx).clearQueue('Máy in Một cửa');
    expect(report).toMatchObject({ jobsBefore: 2, jobsAfter: 0, actions: [{ ok: true }] });
  });

  it('lists nothing and says why when the spooler does not answer', async () => {
    const { ctx } = windows({
      machine: 'en-US-laptop',
      faults: [
        { cmdlet: 'Get-Service', kind: 'empty' },
        { cmdlet: 'Get-Printer', kind: 'throw', message: 'The spooler service is not reachable.' },
      ],
    });
    const list = await printerBackend(ctx).list();
    expect(list).toEqual({
      status: 'failed',
      reason: expect.stringMatching(/^spooler-stopped: .*The spooler service is not reachable\./),
    });
  });
});

describe('spooler stopped', () => {
  it.runIf(RUN_WINDOWS_TESTS)(
    'becomes a failed check with the fix in the sweep (Windows, pwsh, fake PC)',
    async () => {
      const { ctx } = windows({
        machine: 'vi-VN-commune-pc',
        faults: [
          { cmdlet: 'Get-Service', kind: 'empty' },
          { cmdlet: 'Get-Printer', kind: 'throw', message: 'Không thể kết nối dịch vụ bộ đệm in.' },
        ],
      });
      const checks = await printersProbe.run(ctx, { signal: new AbortController().signal });
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({ id: 'printers.installed', status: 'fail' });
      expect(checks[0]?.fix?.text.vi).toMatch(/Khởi động lại dịch vụ in/);
    },
  );

  it('is recognised when the CUPS scheduler does not answer', async () => {
    const list = await listCupsPrinters({
      uri: 'ipp://localhost/',
      socketPath: '/nonexistent/x4-cups.sock',
    });
    expect(list.status === 'failed' && isSpoolerStopped(list.reason)).toBe(true);
  });
});
