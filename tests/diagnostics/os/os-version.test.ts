import { describe, expect, it } from 'vitest';

import { evaluateWindows, type WindowsVersion } from '../../../diagnostics/os/os-version.js';

// End-of-support verdicts from the lifecycle data (DOMAIN.md §5: Windows 10 22H2 left support
// 14/10/2025; consumer ESU ended 13/10/2026).
const win = (build: number, editionId: string, displayVersion: string): WindowsVersion => ({
  caption: 'Microsoft Windows',
  build,
  editionId,
  displayVersion,
});

describe('Windows end of support', () => {
  it.each([
    [
      'Win 10 22H2 Pro during consumer ESU',
      win(19045, 'Professional', '22H2'),
      '2026-01-10',
      'warn',
    ],
    [
      'Win 10 22H2 Pro after consumer ESU',
      win(19045, 'Professional', '22H2'),
      '2026-11-23',
      'fail',
    ],
    ['Win 10 22H2 Pro before 14/10/2025', win(19045, 'Professional', '22H2'), '2025-03-01', 'ok'],
    ['Win 11 24H2 Home after 13/10/2026', win(26100, 'Core', '24H2'), '2026-11-23', 'fail'],
    [
      'Win 11 24H2 Enterprise until 12/10/2027',
      win(26100, 'Enterprise', '24H2'),
      '2026-11-23',
      'ok',
    ],
    ['Win 11 25H2 Pro', win(26200, 'Professional', '25H2'), '2026-11-23', 'ok'],
    [
      'Win 11 25H2 Pro within 90 days of the end',
      win(26200, 'Professional', '25H2'),
      '2027-08-01',
      'warn',
    ],
    ['Win 10 IoT LTSC 2021 until 2032', win(19044, 'IoTEnterpriseS', '21H2'), '2026-11-23', 'ok'],
    ['an unknown build', win(99999, 'Professional', '26H1'), '2026-11-23', 'unknown'],
  ] as const)('%s', (_name, version, date, status) => {
    expect(evaluateWindows(version, Date.parse(`${date}T00:00:00Z`)).status).toBe(status);
  });
});
