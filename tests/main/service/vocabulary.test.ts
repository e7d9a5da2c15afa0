import { describe, expect, it } from 'vitest';

import { countOf, dateInWords, formatDate } from '../../../main/service/vocabulary.js';

describe('the one vocabulary', () => {
  it('writes Vietnamese dates as dd/mm/yyyy, and in words as NĐ 30/2020 does', () => {
    expect(formatDate('2026-12-01', 'vi')).toBe('01/12/2026');
    expect(formatDate('2026-12-01T08:00:00Z', 'en')).toBe('1 December 2026');
    expect(dateInWords('2026-12-01', 'vi')).toBe('ngày 01 tháng 12 năm 2026');
    expect(dateInWords('2026-02-05', 'vi')).toBe('ngày 05 tháng 02 năm 2026');
    expect(dateInWords('2026-03-15', 'vi')).toBe('ngày 15 tháng 3 năm 2026');
    expect(formatDate('not a date', 'vi')).toBe('not a date');
  });

  it('is plural-correct in English', () => {
    const problem = { vi: 'vấn đề', en: 'problem' };
    expect([0, 1, 2].map((n) => countOf(n, problem, 'en'))).toEqual([
      '0 problems',
      '1 problem',
      '2 problems',
    ]);
    expect(countOf(2, problem, 'vi')).toBe('2 vấn đề');
  });
});
