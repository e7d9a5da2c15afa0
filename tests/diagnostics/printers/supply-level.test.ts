/**
 * Toner and ink from the levels, one rule for the printer check and the supervisor's inbox:
 * ≤ 10 % is a warning and 0 % a failure whatever `printer-state-reasons` says; waste containers
 * are not supplies. Against IPP attribute groups as printers send them, and a real
 * `ippeveprinter` read by `xaso printers status HOST:PORT` (exit code = health).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { IppValue } from '../../../diagnostics/printers/ipp/codec.js';
import {
  ippUriOfHostPort,
  printerFromAttributes,
} from '../../../diagnostics/printers/ipp-printer.js';
import { printerCheck } from '../../../diagnostics/printers/printers-probe.js';
import { visitFacts } from '../../../main/service/inbox/facts.js';
import { runCliCaptured } from '../../helpers/cli.js';
import { sampleVisit } from '../../fixtures/visits/sample.js';
import { startIppPrinter, type IppPrinter } from '../../helpers/ipp-printer.js';

type Attrs = Record<string, readonly IppValue[]>;
const printer = (supply: string[], reasons: string[] = ['none']): Attrs => ({
  'printer-name': ['Commune'],
  'printer-state': [3],
  'printer-state-reasons': reasons,
  'printer-supply': supply,
  'printer-supply-description': supply.map((s) => /type=(\w+)/.exec(s)?.[1] ?? '?'),
});
const toner = (level: number): string =>
  `type=toner;maxcapacity=100;level=${level};colorantname=black;`;
const waste = (level: number): string =>
  `type=wasteToner;maxcapacity=100;level=${level};colorantname=unknown;`;
const ink = (level: number): string =>
  `type=inkCartridge;maxcapacity=200;level=${level};colorantname=cyan;`;

function inboxCounts(attrs: Attrs): boolean {
  const check = printerCheck(printerFromAttributes(attrs, 'ipp', 'x'));
  const base = sampleVisit({ machines: 0, date: '2026-11-20' });
  const snapshot = {
    schema: 1 as const,
    takenAt: '2026-11-20T08:00:00Z',
    durationMs: 1,
    platform: 'win32' as const,
    osName: 'Windows 11',
    machine: { fingerprint: 'f', hostname: 'MAY-01' },
    summary: { ok: 0, warn: 0, fail: 0, unknown: 0 },
    checks: [check],
  };
  return (
    visitFacts({ ...base, machines: [{ snapshot, addedAt: '2026-11-20T08:00:00Z' }] }).machines[0]
      ?.printersLow.length === 1
  );
}

describe('supply levels', () => {
  it.each([
    ['toner 3 % with reasons "none"', printer([toner(3)]), 'warn', ['toner-low']],
    ['toner 10 %', printer([toner(10)]), 'warn', ['toner-low']],
    ['toner 11 %', printer([toner(11)]), 'ok', []],
    [
      'toner empty while the reasons say only low',
      printer([toner(0)], ['toner-low-report']),
      'fail',
      ['toner-empty'],
    ],
    ['ink 20 of 200 (10 %)', printer([ink(20)]), 'warn', ['toner-low']],
    ['waste tank 3 % room left, toner 75 %', printer([waste(3), toner(75)]), 'ok', []],
    ['unknown level (-2)', printer([toner(-2)]), 'ok', []],
  ] as const)('%s', (_name, attrs, status, codes) => {
    const info = printerFromAttributes(attrs, 'ipp', 'x');
    expect(info.faults.map((f) => f.code)).toEqual(codes);
    expect(printerCheck(info).status).toBe(status);
    expect(info.supplies?.some((s) => s.type.startsWith('waste'))).toBe(false);
    // The inbox counts a printer as low exactly when the check warned or failed for its supplies.
    expect(inboxCounts(attrs)).toBe(status !== 'ok');
  });

  it('keeps waste containers apart from supplies', () => {
    const info = printerFromAttributes(printer([waste(25), toner(75)]), 'ipp', 'x');
    expect(info.supplies?.map((s) => s.type)).toEqual(['toner']);
    expect(info.wasteContainers).toEqual([
      { name: 'wasteToner', type: 'wasteToner', levelPercent: 25 },
    ]);
  });
});

describe('HOST:PORT', () => {
  it.each([
    ['192.168.1.20:631', 'ipp://192.168.1.20:631/ipp/print'],
    ['printer.local:8631', 'ipp://printer.local:8631/ipp/print'],
    ['[fd00::5]:631', 'ipp://[fd00::5]:631/ipp/print'],
    ['192.168.1.20', undefined],
    ['192.168.1.20:70000', undefined],
    ['ipp://192.168.1.20/ipp/print', undefined],
  ])('%s', (text, uri) => {
    expect(ippUriOfHostPort(text)).toBe(uri);
  });
});

describe('xaso printers status HOST:PORT against ippeveprinter', () => {
  let ipp: IppPrinter;
  beforeAll(async () => {
    ipp = await startIppPrinter({ name: 'h4 supplies', portRange: [8671, 8679] });
  });
  afterAll(async () => {
    await ipp?.stop();
  });
  const status = (...extra: string[]) =>
    runCliCaptured(['printers', 'status', `localhost:${ipp.port}`, ...extra]);

  it('exits 0 for a healthy printer and draws no waste tank as a supply', async () => {
    await ipp.setTonerLevel(75);
    const run = await status();
    expect(run.code).toBe(0);
    expect(run.outLines[0]).toMatch(/^✔ h4 supplies/);
    expect(run.outLines).toContain('   Black Toner: 75%');
    expect(run.outLines).toContain('   Toner Waste Tank: còn trống 25%');
  });

  it('exits 3 at 10 % toner (a warning from the level) and 1 when it is empty', async () => {
    await ipp.setTonerLevel(10);
    const low = await status('--json');
    expect(low.code).toBe(3);
    expect(
      (JSON.parse(low.outLines.join('\n')) as { faults: { code: string }[] }).faults.map(
        (f) => f.code,
      ),
    ).toEqual(['toner-low']);
    await ipp.setTonerLevel(0);
    const empty = await status();
    expect(empty.code).toBe(1);
    expect(empty.outLines.filter((l) => l.includes('✖'))).toHaveLength(2);
    expect(empty.outLines.join('\n')).not.toMatch(/sắp hết/);
  });

  it('exits 1 when nothing answers at HOST:PORT', async () => {
    const run = await runCliCaptured(['printers', 'status', '127.0.0.1:1']);
    expect(run.code).toBe(1);
    expect(run.errLines.join('\n')).not.toMatch(/Invalid URL/);
  });
});
