import { describe, expect, it } from 'vitest';

import lifecycle from '../../../diagnostics/data/windows-lifecycle.json' with { type: 'json' };
import { evaluateWindows, type WindowsVersion } from '../../../diagnostics/os/os-version.js';

// The oldest commune PCs must fail, not get "no support data". Dates from the Microsoft Learn
// lifecycle pages cited in the data file (Windows 7: 14/01/2020, ESU 10/01/2023; 8.1:
// 10/01/2023; Windows 10 2015 LTSB: 14/10/2025; 2016 LTSB: 13/10/2026).
const win = (build: number, editionId: string): WindowsVersion => ({
  caption: 'Microsoft Windows',
  build,
  editionId,
});
const DEC_2026 = Date.parse('2026-12-01T00:00:00Z');

describe('windows-lifecycle.json', () => {
  it.each([
    ['Windows 7 SP1 Pro', win(7601, 'Professional'), '2020-01-14'],
    ['Windows 8.1 Pro', win(9600, 'Professional'), '2023-01-10'],
    ['Windows 10 1507 Pro', win(10240, 'Professional'), '2017-05-09'],
    ['Windows 10 LTSB 2015', win(10240, 'EnterpriseS'), '2025-10-14'],
    ['Windows 10 LTSB 2016', win(14393, 'EnterpriseS'), '2026-10-13'],
    ['Windows 10 1607 Enterprise', win(14393, 'Enterprise'), '2019-04-09'],
  ] as const)('%s is out of support in December 2026', (_name, version, end) => {
    const result = evaluateWindows(version, DEC_2026);
    expect(result.status).toBe('fail');
    expect(result.values?.['supportEnd']).toBe(end);
  });

  it('Windows Server on the same builds gets its own dates (or none), never the client ones', () => {
    const server2016 = evaluateWindows(win(14393, 'ServerStandard'), DEC_2026);
    expect(server2016.status).toBe('warn'); // within 90 days of 12/01/2027
    expect(server2016.values?.['supportEnd']).toBe('2027-01-12');
    expect(evaluateWindows(win(26100, 'ServerDatacenter'), DEC_2026).status).toBe('unknown');
  });

  it('gives the upgrade path, not "buy ESU", once consumer ESU has ended', () => {
    const result = evaluateWindows(win(19045, 'Professional'), DEC_2026);
    expect(result.status).toBe('fail');
    const text = `${result.fix?.text.vi ?? ''} ${result.fix?.text.en ?? ''}`;
    expect(text).not.toMatch(/ESU/);
    expect(result.fix?.text.vi).toMatch(/Windows 11/);
    expect(result.fix?.text.vi).toMatch(/PC Health Check/);
    expect(result.fix?.text.vi).toMatch(/LTSC/);
  });

  it('still names ESU while it runs', () => {
    const result = evaluateWindows(win(19045, 'Professional'), Date.parse('2026-05-01T00:00:00Z'));
    expect(result.status).toBe('warn');
    expect(result.fix?.text.vi).toMatch(/ESU/);
  });

  it('cites a Microsoft lifecycle page for every release family and has unique builds', () => {
    for (const page of ['windows-7', 'windows-81', 'windows-10-2015-ltsb', 'windows-10-2016-ltsb'])
      expect(lifecycle.source).toContain(`learn.microsoft.com/lifecycle/products/${page}`);
    const builds = lifecycle.releases.map((r) => r.build);
    expect(new Set(builds).size).toBe(builds.length);
    for (const r of lifecycle.releases) expect(r.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
