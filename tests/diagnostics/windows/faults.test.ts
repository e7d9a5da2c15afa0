/**
 * Faults as PowerShell produces them, in real PowerShell with the fake-Windows module: a cmdlet
 * that throws, writes a non-terminating error, returns $null, one object instead of an array,
 * nothing, a very large array, or answers past its section's budget. Each costs only its own
 * checks: every other check of the sweep is exactly what the healthy machine gives. (Warning,
 * verbose, progress, information and host records never reach stdout at all: facts.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { machineProbes } from '../../../diagnostics/machine-probes.js';
import { runSweep } from '../../../diagnostics/sweep.js';
import type { CheckResult, ProbeContext } from '../../../diagnostics/types.js';
import {
  fakeWindowsContext,
  RUN_WINDOWS_TESTS,
  type FakeFault,
} from '../../helpers/fake-windows.js';

const MACHINE = 'vi-VN-commune-pc';
const NOW = Date.parse('2026-11-23T08:00:00Z');

/** One sweep of the machine with `faults`; `spawns` counts the PowerShell runs it took. */
async function sweepWith(faults: readonly FakeFault[]) {
  const base = fakeWindowsContext({ machine: MACHINE, faults, now: () => NOW });
  let spawns = 0;
  const ctx: ProbeContext = {
    ...base,
    powershell: (script, o) => ((spawns += 1), base.powershell(script, o)),
  };
  const { checks } = await runSweep(ctx, { probes: machineProbes });
  return { checks: new Map(checks.map((c) => [c.id, c])), spawns };
}

async function sweep(faults: readonly FakeFault[] = []): Promise<Map<string, CheckResult>> {
  return (await sweepWith(faults)).checks;
}

/** What a person sees of a check: its verdict and its words. */
const seen = (c: CheckResult | undefined) =>
  c && { status: c.status, detail: c.detail, values: c.values };

let healthy: Map<string, CheckResult>;

/** Every check whose id does not start with one of `affected` is as on the healthy machine. */
function othersUnchanged(faulty: Map<string, CheckResult>, affected: readonly string[]): void {
  const ids = [...healthy.keys()].filter((id) => !affected.some((a) => id.startsWith(a)));
  expect(ids.length).toBeGreaterThan(15);
  for (const id of ids) expect(seen(faulty.get(id)), id).toEqual(seen(healthy.get(id)));
}

describe.runIf(RUN_WINDOWS_TESTS)('faults on the fake vi-VN commune PC', () => {
  beforeAll(async () => {
    healthy = await sweep();
  }, 60_000);

  describe('the healthy fake machine', () => {
    it('gives no unknown check except the ones this machine lacks by design', () => {
      const unknown = [...healthy.values()]
        .filter((c) => c.status === 'unknown')
        .map((c) => `${c.id}: ${c.reason}`);
      // By design of this machine (tests/fixtures/windows/vi-VN-commune-pc/SOURCE.md): no thermal
      // sensor ("Not supported", as real PCs answer) and disk health not exposed by the driver.
      // The token check needs pkcs11-tool and the signing services their local ports: neither
      // exists in a fake Windows; the clock needs an NTP server.
      expect(
        unknown.filter((u) => !/^(signature\.token-certs|signature\.services|os\.clock)/.test(u)),
      ).toEqual([
        'hardware.disk-health.0: health not exposed (S.M.A.R.T. needs smartmontools/admin)',
        'hardware.temperature: failed: PowerShell (temps): Not supported ',
      ]);
    });
  });

  describe('a fault costs only its own checks', () => {
    it("a cmdlet that throws: its checks are unknown, with Windows' own message in plain words", async () => {
      const faulty = await sweep([
        { cmdlet: 'Get-PhysicalDisk', kind: 'throw', message: 'Truy nhập bị từ chối.' },
      ]);
      const disk = faulty.get('hardware.disk-health');
      expect(disk?.status).toBe('unknown');
      expect(disk?.reason).toContain('Truy nhập bị từ chối.');
      expect(disk?.detail.vi).toBe('Windows báo lỗi khi đọc mục này: «Truy nhập bị từ chối.».');
      othersUnchanged(faulty, ['hardware.disk-health']);
    });

    it('a non-terminating error under ErrorAction Stop costs its section; under SilentlyContinue nothing', async () => {
      const faulty = await sweep([
        {
          cmdlet: 'Get-NetFirewallProfile',
          kind: 'error',
          message: 'Dịch vụ tường lửa không chạy',
        },
        { cmdlet: 'Get-Process', kind: 'error', message: 'Không tìm thấy tiến trình' },
      ]);
      expect(faulty.get('software.firewall')?.status).toBe('unknown');
      expect(faulty.get('software.firewall')?.reason).toContain('Dịch vụ tường lửa không chạy');
      // The security section also holds the antivirus list: both come from one section.
      othersUnchanged(faulty, ['software.firewall', 'software.antivirus']);
    });

    it('$null, one object instead of an array, an empty answer: each is read for what it is', async () => {
      const faulty = await sweep([
        { cmdlet: 'Get-PhysicalDisk', kind: 'null' },
        { cmdlet: 'Get-NetFirewallProfile', kind: 'single' },
        { cmdlet: 'Get-HotFix', kind: 'empty' },
      ]);
      for (const id of ['hardware.disk-health', 'software.firewall', 'software.updates']) {
        const c = faulty.get(id);
        expect(c, id).toBeDefined();
        expect(c?.reason ?? '', id).not.toMatch(/PowerShell|JSON|TypeError|undefined/);
      }
      othersUnchanged(faulty, [
        'hardware.disk-health',
        'software.firewall',
        'software.antivirus',
        'software.updates',
      ]);
    });

    it('a very large array is read whole, and nothing else changes', async () => {
      const faulty = await sweep([{ cmdlet: 'Get-PnpDevice', kind: 'many', count: 3000 }]);
      expect(faulty.get('signature.usb-tokens')?.status).not.toBe('unknown');
      othersUnchanged(faulty, ['signature.usb-tokens']);
    }, 60_000);

    it('a cmdlet slower than its section budget: that section alone times out, the rest is as healthy', async () => {
      const { checks: faulty, spawns } = await sweepWith([
        { cmdlet: 'Get-HotFix', kind: 'slow', ms: 60_000 },
      ]);
      expect(spawns).toBe(2);
      const updates = faulty.get('software.updates');
      expect(updates?.status).toBe('unknown');
      expect(updates?.reason).toBe('failed: timeout: no answer within 12 s');
      expect(updates?.detail.vi).toContain('Windows không trả lời mục này trong 12 giây');
      othersUnchanged(faulty, ['software.updates']);
    }, 60_000);
  });
});
