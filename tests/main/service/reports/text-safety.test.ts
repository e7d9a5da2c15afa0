import { describe, expect, it } from 'vitest';

import {
  displayText,
  escapeHtml,
  safeImageDataUrl,
  spreadsheetText,
} from '../../../../main/service/reports/text-safety.js';

describe('text safety', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+84 912', "'+84 912"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Xã Đông Hưng', 'Xã Đông Hưng'],
    ['a=b', 'a=b'],
  ])('neutralises spreadsheet formulas: %j', (input, expected) => {
    expect(spreadsheetText(input)).toBe(expected);
  });

  it('makes bidi overrides visible and drops control characters and lone surrogates', () => {
    expect(displayText('abc\u202Eexe.pdf')).toBe('abc[U+202E]exe.pdf');
    expect(displayText('a\u0000b\u0007c\ud800d')).toBe('abc\uFFFDd');
    expect(displayText('Máy in 🖨️ 👍')).toBe('Máy in 🖨️ 👍');
  });

  it('normalises to NFC and cuts long text without splitting an emoji', () => {
    expect(displayText('Hu\u0300ng')).toBe('Hùng');
    expect(displayText('ab👍cd', 3)).toBe('ab…');
    expect(displayText('x'.repeat(5000), 100)).toHaveLength(101);
  });

  it('escapes HTML, including quotes and backticks', () => {
    expect(escapeHtml('<img src=x onerror="a">`\'&')).toBe(
      '&#60;img src=x onerror=&#34;a&#34;&#62;&#96;&#39;&#38;',
    );
  });

  it('embeds only plain PNG/JPEG data URLs', () => {
    expect(safeImageDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBeDefined();
    expect(safeImageDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBeUndefined();
    expect(safeImageDataUrl('data:image/png;base64,AA"><script>')).toBeUndefined();
    expect(safeImageDataUrl('javascript:alert(1)')).toBeUndefined();
  });
});
