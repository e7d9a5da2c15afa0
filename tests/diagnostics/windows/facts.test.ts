/**
 * The batched Windows query end to end: the facts script as shipped runs in pwsh against the fake
 * machines; ONE PowerShell spawn for the whole sweep, the documented argv, every probe reading its
 * section; faults injected into one cmdlet cost only its section; stray streams never reach the
 * parsers; Constrained Language Mode takes its documented path.
 */
import { describe, expect, it } from 'vitest';

import { machineIdentity } from '../../../diagnostics/identity.js';
import { machineProbes } from '../../../diagnostics/machine-probes.js';
import { runSweep } from '../../../diagnostics/sweep.js';
import type { CheckResult, PowerShellRunner, ProbeContext } from '../../../diagnostics/types.js';
import { FACT_SECTIONS, factsScript } from '../../../diagnostics/windows/facts-script.js';
import { parseFactsOutput } from '../../../diagnostics/windows/facts.js';
import {
  outputProblem,
  powershellArgs,
  powershellCommandText,
} from '../../../diagnostics/windows/powershell.js';
import {
  fakeWindowsContext,
  fakeWindowsRunner,
  RUN_WINDOWS_TESTS,
  type FakeFault,
  type FakeWindowsOptions,
} from '../../helpers/fake-windows.js';

const NOW = Date.parse('2026-11-25T03:00:00Z');
/** Every machine probe of the sweep. */
const probes = machineProbes;
/** The probes that talk to the network go to closed loopback ports (no traffic leaves the machine). */
const LOOPBACK = {
  ntpServer: '127.0.0.1:9',
  signingServices: [{ provider: 'vgca', url: 'wss://127.0.0.1:9/' }],
} as const;

/** A context on the fake machine that records each PowerShell run. */
function recorded(options: FakeWindowsOptions): { ctx: ProbeContext; scripts: string[] } {
  const base = { ...fakeWindowsContext({ ...options, now: () => NOW }), settings: LOOPBACK };
  const scripts: string[] = [];
  const powershell: PowerShellRunner = (script, runOptions) => {
    scripts.push(script);
    return base.powershell(script, runOptions);
  };
  return { ctx: { ...base, powershell }, scripts };
}

async function sweep(
  options: FakeWindowsOptions,
): Promise<{ checks: CheckResult[]; scripts: string[] }> {
  const { ctx, scripts } = recorded(options);
  const { checks } = await runSweep(ctx, { probes });
  return { checks, scripts };
}

const by = (checks: readonly CheckResult[], id: string): CheckResult | undefined =>
  checks.find((c) => c.id === id);
const unknownIds = (checks: readonly CheckResult[]): string[] =>
  checks
    .filter((c) => c.status === 'unknown')
    .map((c) => c.id)
    .sort();

/** Runs the facts script alone and returns its sections. */
async function facts(options: FakeWindowsOptions) {
  const output = await fakeWindowsRunner(options)(powershellCommandText(factsScript()), {
    timeoutMs: 60_000,
  });
  return { output, sections: parseFactsOutput(output.stdout) };
}

describe('Windows facts script', () => {
  it('asks for every section in one script, never through Win32_Product, and reads both hives', () => {
    const script = factsScript();
    expect(script).not.toMatch(/Win32_Product/i);
    for (const section of FACT_SECTIONS) expect(script).toContain(`xasoSection '${section}'`);
    expect(script).toContain('WOW6432Node');
    expect(script).toContain('HKCU:');
    expect(powershellArgs('x')).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-Command',
      'x',
    ]);
  });
});

describe.runIf(RUN_WINDOWS_TESTS)(
  'Windows sweep on the fake machines (facts script in pwsh)',
  () => {
    it('vi-VN commune PC: one PowerShell spawn, every probe answered, Vietnamese text intact', async () => {
      const { checks, scripts } = await sweep({ machine: 'vi-VN-commune-pc' });
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toBe(powershellCommandText(factsScript()));
      for (const probe of machineProbes)
        expect(
          checks.some((c) => c.id === probe.id || c.id.startsWith(`${probe.id}.`)),
          probe.id,
        ).toBe(true);
      expect(by(checks, 'signature.services')?.status).not.toBe('unknown');
      // The desktop has no exposed thermal zone; the NVMe reports no health; no pkcs11-tool on Windows.
      expect(unknownIds(checks)).toEqual([
        'hardware.disk-health.0',
        'hardware.temperature',
        'os.clock',
        'signature.token-certs',
      ]);
      expect(by(checks, 'os.clock')?.reason).toMatch(/127\.0\.0\.1:9/);
      expect(by(checks, 'hardware.temperature')?.reason).toMatch(/Not supported/);
      expect(by(checks, 'os.version')).toMatchObject({
        status: 'ok',
        values: { osName: 'Windows 11 Pro 25H2 (26200.7019)' },
      });
      expect(by(checks, 'os.timezone')).toMatchObject({
        status: 'ok',
        values: { id: 'SE Asia Standard Time', offsetMinutes: 420 },
      });
      expect(by(checks, 'hardware.filesystems.C:')).toMatchObject({
        status: 'ok',
        values: { fs: 'NTFS' },
      });
      expect(checks.some((c) => c.id.startsWith('hardware.filesystems.E:'))).toBe(false); // removable drive: DriveType 2
      expect(by(checks, 'software.vietnamese-input')?.values?.['running']).toEqual(['UniKeyNT']);
      expect(by(checks, 'software.browsers')?.values?.['browsers']).toContainEqual(
        expect.objectContaining({ name: 'Cốc Cốc' }),
      );
      expect(by(checks, 'software.fonts')).toMatchObject({
        status: 'ok',
        values: { vnFonts: 2, vniFonts: 1 },
      });
      expect(by(checks, 'software.antivirus')).toMatchObject({ status: 'warn' });
      expect(by(checks, 'software.updates')).toMatchObject({ status: 'fail' });
      expect(by(checks, 'signature.usb-tokens')).toMatchObject({ status: 'ok' });
      expect(by(checks, 'signature.usb-tokens')?.values?.['tokens']).toContainEqual(
        expect.objectContaining({ vid: '096E', name: 'Thiết bị USB Tổng hợp' }),
      );
      expect(by(checks, 'signature.pkcs11-modules.vnpt')).toMatchObject({ status: 'warn' });
      expect(by(checks, 'signature.pkcs11-modules.viettel')).toMatchObject({ status: 'ok' });
      expect(by(checks, 'signature.store-certs')).toMatchObject({
        status: 'ok',
        values: { signing: 1 },
      });
      const cert = checks.find((c) => c.id.startsWith('signature.store-cert.'));
      expect(cert?.values?.['subject']).toContain('Nguyễn Thị Hoa');
    });

    it('en-US laptop: battery (64 % of design), sensors, full C:, Windows 10 out of support', async () => {
      const { checks, scripts } = await sweep({ machine: 'en-US-laptop' });
      expect(scripts).toHaveLength(1);
      expect(unknownIds(checks)).toEqual(['os.clock', 'signature.token-certs']);
      expect(by(checks, 'hardware.battery')).toMatchObject({
        status: 'ok',
        values: { present: true, percent: 44, healthPercent: 64 },
      });
      expect(by(checks, 'hardware.temperature')).toMatchObject({
        status: 'ok',
        values: { maxCelsius: 55.1 },
      });
      expect(by(checks, 'hardware.disk-health.0')).toMatchObject({
        status: 'ok',
        values: { kind: 'SSD', health: 'healthy' },
      });
      expect(by(checks, 'hardware.filesystems.C:')).toMatchObject({
        status: 'fail',
        values: { usedPercent: 97 },
      });
      expect(by(checks, 'os.version')).toMatchObject({
        status: 'fail',
        values: { osName: 'Windows 10 Pro 22H2 (19045.6456)' },
      });
      expect(by(checks, 'os.uptime')).toMatchObject({
        status: 'warn',
        values: { pendingReasons: ['WuRebootRequired', 'PendingFileRename'] },
      });
      expect(by(checks, 'os.timezone')).toMatchObject({
        status: 'warn',
        values: { offsetMinutes: -480 },
      });
      expect(by(checks, 'software.firewall')).toMatchObject({ status: 'fail' });
      expect(by(checks, 'signature.smartcard-service')).toMatchObject({ status: 'fail' });
      expect(by(checks, 'signature.store-certs')).toMatchObject({
        status: 'warn',
        values: { personal: 0 },
      });
    });

    it('Constrained Language Mode: same answers, PE headers not read (arch unknown), certificates still read', async () => {
      const { checks } = await sweep({
        machine: 'vi-VN-commune-pc',
        languageMode: 'ConstrainedLanguage',
      });
      expect(by(checks, 'os.version')).toMatchObject({ status: 'ok' });
      expect(by(checks, 'signature.store-certs')).toMatchObject({
        status: 'ok',
        values: { signing: 1 },
      });
      const modules = by(checks, 'signature.pkcs11-modules.viettel')?.values?.['modules'] as
        { arch?: string }[] | undefined;
      expect(modules?.[0]?.arch).not.toBe('x64');
    });
  },
);

// What a fault costs in checks (a throw, a hang past the budget, …): faults.test.ts.
describe.runIf(RUN_WINDOWS_TESTS)(
  'faults injected into one cmdlet, as the facts script prints them',
  () => {
    it('a non-terminating error stops its section (ErrorActionPreference Stop) unless the script says SilentlyContinue', async () => {
      const { sections } = await facts({
        machine: 'en-US-laptop',
        faults: [
          { cmdlet: 'Get-CimInstance:Win32_Processor', kind: 'error', message: 'Quota violation' },
          { cmdlet: 'Get-CimInstance:BatteryStaticData', kind: 'error', message: 'Not supported' },
        ],
      });
      expect(sections.get('cpu')).toEqual({
        status: 'failed',
        reason: 'PowerShell (cpu): Quota violation',
      });
      // The battery section reads BatteryStaticData with -ErrorAction SilentlyContinue: the error is swallowed, the data kept.
      expect(sections.get('battery')).toMatchObject({
        status: 'ok',
        data: { Name: 'Primary', DesignedCapacity: 83995, FullChargedCapacity: 53398 },
      });
    });

    it.each(['warning', 'verbose', 'progress', 'information', 'host'] as const)(
      'a %s record never reaches stdout or stderr',
      async (kind) => {
        const faults: FakeFault[] = [
          'Get-CimInstance',
          'Get-NetAdapter',
          'Get-ItemProperty',
          'Get-Service',
        ].map((cmdlet) => ({ cmdlet, kind, message: `Cảnh báo ${kind}: thử nghiệm` }));
        const { output, sections } = await facts({ machine: 'vi-VN-commune-pc', faults });
        expect(output.stderr).toBe('');
        expect(output.stdout).not.toMatch(/thử nghiệm|th\\u1eed nghi\\u1ec7m|WARNING|VERBOSE/);
        expect(
          output.stdout
            .split('\n')
            .filter((l) => l.trim() !== '')
            .every((l) => l.startsWith('{"section":')),
        ).toBe(true);
        expect(sections.get('os')).toMatchObject({ status: 'ok' });
        expect(sections.get('nics')).toMatchObject({ status: 'ok' });
      },
    );

    it.each([
      ['single', 1],
      ['empty', 0],
      ['null', 0],
      ['many', 40],
    ] as const)(
      'adapters: %s → %i in the nics section, and the identity still reads',
      async (kind, count) => {
        const options: FakeWindowsOptions = {
          machine: 'vi-VN-commune-pc',
          faults: [{ cmdlet: 'Get-NetAdapter', kind, count: 40 }],
        };
        const { sections } = await facts(options);
        const nics = sections.get('nics');
        expect(nics?.status).toBe('ok');
        const data = nics?.status === 'ok' ? nics.data : undefined;
        expect(data === null ? 0 : Array.isArray(data) ? data.length : 1).toBe(count);
        const id = await machineIdentity(fakeWindowsContext(options));
        expect(id).toMatchObject({ hostname: 'UBND-KETOAN', serial: '5B2QJ33' });
      },
    );

    it('output past the cap is cut and said so (runCommand kills PowerShell)', async () => {
      const output = await fakeWindowsRunner({ machine: 'vi-VN-commune-pc' })(
        powershellCommandText(factsScript()),
        { timeoutMs: 60_000, maxBytes: 2_000 },
      );
      expect(output.truncated).toBe(true);
      expect(outputProblem(output)).toBe('PowerShell output was too large and was cut');
    });
  },
);
