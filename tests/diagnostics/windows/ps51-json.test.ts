/**
 * The JSON dialect of Windows PowerShell 5.1 next to PowerShell 7's, through the shared
 * helpers every Windows parser uses (shared/TECH.md §10): dates as `"\/Date(ms)\/"` (5.1) or ISO
 * 8601 (7), arrays as `{"value":[…],"Count":n}` (5.1 array type data), one object for a one-item
 * pipeline, nothing for an empty one. The texts below are what each version prints.
 */
import { describe, expect, it } from 'vitest';

import {
  asArray,
  parsePowerShellJson,
  parsePsDate,
} from '../../../diagnostics/windows/powershell.js';

/** JSON text → value, the way the parsers get it. */
function decode(text: string): unknown {
  const parsed = parsePowerShellJson(text);
  if (parsed.status !== 'ok') throw new Error(parsed.reason);
  return parsed.data;
}

// 2026-11-23T08:00:00Z, a Monday morning at the commune office (15:00 in Hà Nội).
const MS = Date.UTC(2026, 10, 23, 8, 0, 0);

describe('parsePsDate', () => {
  it('reads 5.1 dates: "\\/Date(ms)\\/" as written, decoded, and with an offset', () => {
    const fiveOne = decode(`{"LastBootUpTime":"\\/Date(${String(MS)})\\/"}`) as {
      LastBootUpTime: unknown;
    };
    expect(fiveOne.LastBootUpTime).toBe(`/Date(${String(MS)})/`);
    expect(parsePsDate(fiveOne.LastBootUpTime)).toBe(MS);
    // Some 5.1 objects (WMI dates through Select-Object) carry the local offset; ms is UTC either way.
    expect(parsePsDate(`/Date(${String(MS)}+0700)/`)).toBe(MS);
    expect(parsePsDate(`\\/Date(${String(MS)})\\/`)).toBe(MS);
    expect(parsePsDate('/Date(-86400000)/')).toBe(-86_400_000);
  });

  it('reads PowerShell 7 ISO 8601 dates, with an offset or Z', () => {
    expect(parsePsDate('2026-11-23T15:00:00+07:00')).toBe(MS);
    expect(parsePsDate('2026-11-23T08:00:00.0000000Z')).toBe(MS);
  });

  it('reads Get-Date objects as 5.1 serialises them ({"value": …, "DateTime": …})', () => {
    const value = decode(
      `{"value":"\\/Date(${String(MS)})\\/","DisplayHint":2,"DateTime":"Thứ Hai, 23 tháng 11, 2026 3:00:00 CH"}`,
    );
    expect(parsePsDate(value)).toBe(MS);
  });

  it('gives undefined for what is not a date', () => {
    for (const bad of [null, undefined, '', 'hôm qua', 42, {}, '/Date(abc)/']) {
      expect(parsePsDate(bad)).toBeUndefined();
    }
  });
});

describe('asArray', () => {
  const printer = { Name: 'HP LaserJet P1102 (Phòng Một cửa)', PrinterStatus: 0 };

  it('unwraps 5.1 array type data {"value":[…],"Count":n}', () => {
    const value = decode(
      `{"value":[${JSON.stringify(printer)},{"Name":"Canon LBP2900"}],"Count":2}`,
    );
    expect(asArray(value)).toEqual([printer, { Name: 'Canon LBP2900' }]);
    expect(asArray(decode('{"value":[],"Count":0}'))).toEqual([]);
  });

  it('keeps an object that only looks wrapped (other keys, or value not an array)', () => {
    const record = { value: [1], Count: 1, Name: 'x' };
    expect(asArray(record)).toEqual([record]);
    expect(asArray({ value: 'x', Count: 1 })).toEqual([{ value: 'x', Count: 1 }]);
  });

  it('turns the one object of a one-item pipeline into a list of one', () => {
    expect(asArray(decode(JSON.stringify(printer)))).toEqual([printer]);
  });

  it('keeps a real array as it is', () => {
    expect(asArray(decode(`[${JSON.stringify(printer)}]`))).toEqual([printer]);
  });

  it('turns nothing (an empty pipeline: null, or no output at all) into an empty list', () => {
    expect(asArray(decode('null'))).toEqual([]);
    expect(asArray(undefined)).toEqual([]);
    expect(parsePowerShellJson('').status).toBe('failed');
  });
});
