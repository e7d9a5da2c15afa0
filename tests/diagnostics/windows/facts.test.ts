/**
 * The batched Windows query end to end on a fake PowerShell: ONE spawn for the whole sweep,
 * the documented argv, no Win32_Product, and every probe reading its section from a batch
 * assembled from the vi-VN fixtures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { machineProbes } from '../../../diagnostics/machine-probes.js';
import { runSweep } from '../../../diagnostics/sweep.js';
import { factsScript } from '../../../diagnostics/windows/facts-script.js';
import { powershellPath } from '../../../diagnostics/windows/powershell.js';
const POWERSHELL = powershellPath({});
import { fakeContext, fakeRun, output } from '../fake-context.js';

const FX = join(import.meta.dirname, '../../fixtures');
const fx = (probe: string, file: string): unknown =>
  JSON.parse(readFileSync(join(FX, probe, 'win32', 'vi-VN', file), 'utf8'));

function batch(): Record<string, unknown> {
  const uptime = fx('uptime', 'fresh-boot.json') as { reboot: unknown };
  return {
    os: fx('os-version', 'win11-25h2-pro.json'),
    cpu: {
      Name: 'Intel(R) Core(TM) i5-10400 CPU @ 2.90GHz',
      NumberOfCores: 6,
      NumberOfLogicalProcessors: 12,
      LoadPercentage: 7,
    },
    system: {
      UUID: '4C4C4544-0042-3510-8052-B4C04F4A3332',
      Vendor: 'Dell Inc.',
      Model: 'OptiPlex 3080',
      Manufacturer: 'Dell Inc.',
      PCSystemType: 1,
      BoardSerial: '/5B2QJ33/CNWS20008R00F1/',
      BiosSerial: '5B2QJ33',
      Name: 'UBND-KETOAN',
    },
    nics: {
      Name: 'Ethernet',
      InterfaceDescription: 'Realtek PCIe GbE Family Controller',
      MacAddress: 'B0-4F-13-0A-1B-2C',
      Status: 'Up',
    },
    volumes: fx('filesystems', 'single-c.json'),
    physicalDisks: fx('disk-health', 'nvme-unknown.json'),
    battery: fx('battery', 'desktop-none.json'),
    temps: { error: 'Not supported' },
    reboot: uptime.reboot,
    timezone: fx('timezone', 'se-asia.json'),
    uninstall: fx('installed', 'commune-pc.json'),
    fonts: fx('fonts', 'with-legacy.json'),
    processes: [{ Name: 'UniKeyNT', Path: 'C:\\Program Files\\UniKey\\UniKeyNT.exe' }],
    security: fx('security', 'bkav-outdated.json'),
    hotfix: [{ HotFixID: 'KB5068781', InstalledOn: '/Date(1794528000000)/' }],
    services: fx('smartcard-service', 'stopped-manual.json'),
    usb: fx('usb-tokens', 'epass-and-mouse.json'),
    certs: fx('store-certs', 'vnpt-expiring.json'),
    modules: fx('pkcs11-modules', 'safenet-and-bkav.json'),
  };
}

describe('Windows facts batch', () => {
  it('asks for every section in one script, never through Win32_Product', () => {
    const script = factsScript();
    expect(script).not.toMatch(/Win32_Product/i);
    for (const section of Object.keys(batch())) expect(script).toContain(`$r['${section}']`);
    expect(script).toMatch(/ConvertTo-Json -Depth 4 -Compress$/);
    expect(script).toContain('WOW6432Node');
    expect(script).toContain('HKCU:');
  });

  it('runs the Windows sweep with ONE PowerShell spawn and no unknown except the missing sensor', async () => {
    const calls: { file: string; args: readonly string[] }[] = [];
    const ctx = fakeContext(
      'win32',
      fakeRun((file, args) => {
        calls.push({ file, args });
        return output(JSON.stringify(batch()));
      }),
      {
        now: () => Date.parse('2026-11-25T03:00:00Z'),
        settings: { ntpServer: '127.0.0.1:9', signingServices: [] },
      },
    );
    const probes = machineProbes.filter((p) => !['os.clock', 'signature.services'].includes(p.id));
    const { checks } = await runSweep(ctx, { probes });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.file).toBe(POWERSHELL);
    expect(calls[0]?.args.slice(0, 5)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-Command',
    ]);
    expect(calls[0]?.args[5]).toMatch(
      /^\[Console\]::OutputEncoding=\[Text.UTF8Encoding\]::new\(\$false\)/,
    );
    const unknown = checks
      .filter((c) => c.status === 'unknown')
      .map((c) => c.id)
      .sort();
    expect(unknown).toEqual([
      'hardware.disk-health.0',
      'hardware.temperature',
      'signature.token-certs',
    ]);
    const by = (id: string) => checks.find((c) => c.id === id);
    expect(by('os.version')).toMatchObject({
      status: 'ok',
      values: { osName: 'Windows 11 Pro 25H2 (26200.7019)' },
    });
    expect(by('software.vietnamese-input')?.values?.['running']).toEqual(['UniKeyNT']);
    expect(by('signature.usb-tokens')).toMatchObject({ status: 'ok' });
    expect(by('software.antivirus')).toMatchObject({ status: 'warn' });
  });
});
