/**
 * Windows printers parser on en-US and vi-VN fixtures (written from Microsoft's docs: see
 * tests/fixtures/printers/SOURCE.md), plus the scripts' quoting.
 */
import { describe, expect, it } from 'vitest';

import {
  parseWindowsPrinters,
  psQuote,
  windowsClearQueueScript,
  windowsTestPageScript,
} from '../../../diagnostics/printers/windows-printers.js';
import { loadFixtures } from '../../helpers/fixtures.js';

type Expected = { spooler: string; error?: boolean; printers: { name: string; state: string; isDefault: boolean; port: string; networkHost?: string; jobs: number; faults: string[] }[] };
const cases = loadFixtures('printers', 'win32');

describe('parseWindowsPrinters', () => {
  it('has fixtures for both locales', () => {
    expect(new Set(cases.map((c) => c.locale))).toEqual(new Set(['en-US', 'vi-VN']));
  });

  it.each(cases)('$locale/$name', ({ input, expected }) => {
    const want = expected as Expected;
    const parsed = parseWindowsPrinters(JSON.parse(input));
    expect(parsed.spooler).toBe(want.spooler);
    expect(parsed.error !== undefined).toBe(want.error === true);
    expect(parsed.printers.map((p) => ({
      name: p.name, state: p.state, isDefault: p.isDefault, port: p.port,
      ...(p.networkHost === undefined ? {} : { networkHost: p.networkHost }),
      jobs: p.jobs.length, faults: p.faults.map((f) => f.code),
    }))).toEqual(want.printers);
  });

  it('keeps Vietnamese names and explains each fault in both languages', () => {
    const vi = cases.find((c) => c.locale === 'vi-VN' && c.name === 'three-printers')!;
    const parsed = parseWindowsPrinters(JSON.parse(vi.input));
    const office = parsed.printers[0]!;
    expect(office.jobs[0]).toMatchObject({ name: 'Tờ trình UBND xã.docx', user: 'UBND\\văn thư', pages: 3, submittedAt: '2026-11-23T08:00:00.000Z' });
    for (const fault of office.faults) {
      expect(fault.text.vi.length).toBeGreaterThan(0);
      expect(fault.fix.en.length).toBeGreaterThan(0);
    }
  });

  it('quotes printer names safely in PowerShell', () => {
    expect(psQuote("Máy in 'A'")).toBe("'Máy in ''A'''");
    expect(windowsClearQueueScript("O'Brien")).toContain("-PrinterName 'O''Brien'");
    expect(windowsTestPageScript('HP')).toContain('PrintTestPage');
  });
});
