/**
 * Spooler restart and Windows actions through a recording runner: restarting the machine's real
 * CUPS would disturb every other test on this shared machine, and Windows cannot run here. The
 * runner answers what the real tools print (CUPS: exit codes; Windows: the scripts' JSON).
 */
import { describe, expect, it } from 'vitest';

import { createPowerShellRunner } from '../../../diagnostics/windows/powershell.js';
import { printerBackend } from '../../../diagnostics/printers/backend.js';
import { listCupsPrinters } from '../../../diagnostics/printers/cups.js';
import { isSpoolerStopped } from '../../../diagnostics/printers/faults.js';
import { printersProbe } from '../../../diagnostics/printers/printers-probe.js';
import type { CommandOutput, ProbeContext, RunCommand } from '../../../diagnostics/types.js';
import { fakeFs, fakeOs } from '../../fakes/fake-host.js';

function recording(answer: (file: string, args: readonly string[]) => Partial<CommandOutput>, platform: ProbeContext['platform']) {
  const calls: { file: string; args: readonly string[] }[] = [];
  const run: RunCommand = async (file, args) => {
    calls.push({ file, args });
    return { stdout: '', stderr: '', exitCode: 0, truncated: false, ...answer(file, args) };
  };
  let t = 0;
  const ctx: ProbeContext = { platform, run, powershell: createPowerShellRunner(run, {}), now: () => (t += 100), env: {}, os: fakeOs(), fs: fakeFs() };
  return { ctx, calls };
}

describe('restart spooler', () => {
  it('CUPS: runs systemctl restart cups and reports failure with the reason', async () => {
    const { ctx, calls } = recording(() => ({ exitCode: 1, stderr: 'System has not been booted with systemd' }), 'linux');
    const report = await printerBackend(ctx).restartSpooler();
    expect(calls).toEqual([{ file: 'systemctl', args: ['restart', 'cups'] }]);
    expect(report.actions).toEqual([{ what: expect.objectContaining({ vi: expect.stringMatching(/CUPS/) }), ok: false, detail: 'System has not been booted with systemd' }]);
  });

  it('Windows: Restart-Service, then the spooler status', async () => {
    const { ctx, calls } = recording(() => ({ stdout: '{"Status":"Running","Error":null}' }), 'win32');
    const report = await printerBackend(ctx).restartSpooler();
    expect(calls[0]?.file).toBe('powershell.exe');
    expect(calls[0]?.args.at(-1)).toContain('Restart-Service -Name Spooler');
    expect(report.actions[0]).toMatchObject({ ok: true, detail: 'Spooler: Running' });
  });

  it('Windows: access denied is a failed action, not a crash', async () => {
    const { ctx } = recording(() => ({ stdout: '{"Status":"Running","Error":"Cannot open Spooler service on computer \'.\'."}' }), 'win32');
    const report = await printerBackend(ctx).restartSpooler();
    expect(report.actions[0]?.ok).toBe(false);
  });
});

describe('Windows test page and queue', () => {
  it('prints the driver test page and follows the queue until it empties', async () => {
    let polls = 0;
    const { ctx } = recording((_f, args) => {
      const script = args.at(-1) ?? '';
      if (script.includes('PrintTestPage')) return { stdout: '{"ReturnValue":0}' };
      polls += 1;
      return { stdout: polls < 2 ? '[{"Id":4,"DocumentName":"Test Page","JobStatus":"Printing"}]' : '[]' };
    }, 'win32');
    const result = await printerBackend(ctx).printTestPage('HP LaserJet', { timeoutMs: 60_000 });
    expect(result.outcome).toBe('completed');
  });

  it('says access denied (5) plainly', async () => {
    const { ctx } = recording(() => ({ stdout: '{"ReturnValue":5}' }), 'win32');
    const result = await printerBackend(ctx).printTestPage('HP');
    expect(result).toMatchObject({ outcome: 'failed' });
    expect(result.detail.en).toMatch(/access denied/);
  });

  it('clears a queue and counts before/after', async () => {
    const { ctx } = recording(() => ({ stdout: '{"Before":3,"After":0}' }), 'win32');
    const report = await printerBackend(ctx).clearQueue('Máy in Một cửa');
    expect(report).toMatchObject({ jobsBefore: 3, jobsAfter: 0, actions: [{ ok: true }] });
  });

  it('lists nothing and says why when the spooler is stopped', async () => {
    const { ctx } = recording(() => ({ stdout: '{"Spooler":"Stopped","Printers":{"error":"The spooler service is not reachable."}}' }), 'win32');
    const list = await printerBackend(ctx).list();
    expect(list).toEqual({ status: 'failed', reason: 'spooler-stopped: the print spooler is Stopped: The spooler service is not reachable.' });
  });
});

describe('spooler stopped', () => {
  it('becomes a failed check with the fix in the sweep (Windows)', async () => {
    const { ctx } = recording(() => ({ stdout: '{"Spooler":"Stopped","Printers":{"error":"The spooler service is not reachable."}}' }), 'win32');
    const checks = await printersProbe.run(ctx, { signal: new AbortController().signal });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: 'printers.installed', status: 'fail' });
    expect(checks[0]?.fix?.text.vi).toMatch(/Khởi động lại dịch vụ in/);
  });

  it('is recognised when the CUPS scheduler does not answer', async () => {
    const list = await listCupsPrinters({ uri: 'ipp://localhost/', socketPath: '/nonexistent/x4-cups.sock' });
    expect(list.status === 'failed' && isSpoolerStopped(list.reason)).toBe(true);
  });
});
