/**
 * Windows printers end to end: the shipped printers script runs in pwsh against the fake machines
 * (tests/fixtures/windows/<machine>) and the parser's answer is compared with
 * tests/fixtures/printers/win32/<locale>/<machine>.expected.json; plus the scripts' quoting.
 */
import { describe, expect, it } from 'vitest';

import {
  parseWindowsPrinters,
  psQuote,
  windowsClearQueueScript,
  windowsPrintersScript,
  windowsTestPageScript,
} from '../../../diagnostics/printers/windows-printers.js';
import { runPowerShellJson } from '../../../diagnostics/windows/powershell.js';
import {
  fakeWindowsContext,
  RUN_WINDOWS_TESTS,
  type FakeWindowsOptions,
} from '../../helpers/fake-windows.js';
import { loadMachineExpectations } from '../../helpers/fixtures.js';

type Expected = {
  spooler: string;
  error?: boolean;
  printers: {
    name: string;
    state: string;
    isDefault: boolean;
    port: string;
    networkHost?: string;
    jobs: number;
    faults: string[];
  }[];
};
const cases = loadMachineExpectations('printers');

async function printers(options: FakeWindowsOptions) {
  const result = await runPowerShellJson(fakeWindowsContext(options), windowsPrintersScript, {
    timeoutMs: 60_000,
  });
  expect(result.status).toBe('ok');
  return parseWindowsPrinters(result.status === 'ok' ? result.data : undefined);
}

describe('Windows printers', () => {
  it('has an expectation for both fake machines', () => {
    expect(cases.map((c) => c.machine).sort()).toEqual(['en-US-laptop', 'vi-VN-commune-pc']);
  });

  it.runIf(RUN_WINDOWS_TESTS).each(cases)(
    '$machine (printers script in pwsh)',
    async ({ machine, expected }) => {
      const want = expected as Expected;
      const parsed = await printers({ machine });
      expect(parsed.spooler).toBe(want.spooler);
      expect(parsed.error !== undefined).toBe(want.error === true);
      expect(
        parsed.printers.map((p) => ({
          name: p.name,
          state: p.state,
          isDefault: p.isDefault,
          port: p.port,
          ...(p.networkHost === undefined ? {} : { networkHost: p.networkHost }),
          jobs: p.jobs.length,
          faults: p.faults.map((f) => f.code),
        })),
      ).toEqual(want.printers);
    },
  );

  it.runIf(RUN_WINDOWS_TESTS)(
    'keeps Vietnamese names, users and dates, and explains each fault in both languages',
    async () => {
      const parsed = await printers({ machine: 'vi-VN-commune-pc' });
      const office = parsed.printers[0]!;
      expect(office.jobs[0]).toMatchObject({
        name: 'Tờ trình UBND xã.docx',
        user: 'UBND\\Kế toán',
        pages: 3,
        state: 'Error, Printing',
        submittedAt: '2026-11-23T08:00:00.000Z',
      });
      for (const fault of office.faults) {
        expect(fault.text.vi.length).toBeGreaterThan(0);
        expect(fault.fix.en.length).toBeGreaterThan(0);
      }
    },
  );

  it.runIf(RUN_WINDOWS_TESTS)(
    'the spooler not answering Get-Printer: no printers, its (Vietnamese) message kept',
    async () => {
      const message = 'Không thể kết nối dịch vụ bộ đệm in. Hãy đảm bảo dịch vụ đang chạy.';
      const parsed = await printers({
        machine: 'vi-VN-commune-pc',
        faults: [{ cmdlet: 'Get-Printer', kind: 'throw', message }],
      });
      expect(parsed).toEqual({ spooler: 'Running', printers: [], error: message });
    },
  );

  it('quotes printer names safely in PowerShell', () => {
    expect(psQuote("Máy in 'A'")).toBe("'Máy in ''A'''");
    expect(windowsClearQueueScript("O'Brien")).toContain("-PrinterName 'O''Brien'");
    expect(windowsTestPageScript('HP')).toContain('PrintTestPage');
  });
});
