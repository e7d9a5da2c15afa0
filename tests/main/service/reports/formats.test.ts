/**
 * CSV, XLSX, HTML, text and JSON exports: content, formula injection neutralised, hostile text
 * inert, JSON lossless and its integrity checks.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  checkIntegrity,
  exportEnvelopeSchema,
  payloadDigest,
} from '../../../../main/service/reports/signed-json.js';
import { sampleVisit } from '../../../fixtures/visits/sample.js';
import { exportAs, setup } from './helpers.js';

let ctx: Awaited<ReturnType<typeof setup>>;
const base = sampleVisit({ machines: 3, hostile: true });
const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '@SUM(A1)',
  '\t=1+1',
  '-2+3',
  '+84 912 345 678',
  '\r=HYPERLINK("http://x")',
];
const visit = {
  ...base,
  openItems: [
    ...base.openItems,
    ...FORMULAS.map((text, i) => ({ id: `f${i}`, text, done: false })),
  ],
};

beforeAll(async () => {
  ctx = await setup(visit);
});
afterAll(async () => ctx.close());

const INJECTION = /^[=+\-@\t\r]/;

describe('spreadsheet exports', () => {
  it('CSV: BOM, CRLF, every cell quoted, no cell starts a formula', async () => {
    const out = path.join(ctx.dir, 'r.csv');
    await exportAs(ctx.service, ctx.file, 'csv', out);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const cells = [...text.slice(1).matchAll(/"((?:[^"]|"")*)"/g)].map((m) =>
      m[1]!.replace(/""/g, '"'),
    );
    expect(cells.length).toBeGreaterThan(20);
    for (const cell of cells) expect(cell).not.toMatch(INJECTION);
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
    expect(text).toContain("=cmd|' /C calc'!A0");
    expect(text).not.toContain('\u202E');
  });

  it('XLSX: sheets with Vietnamese names, no formulas, no injection', async () => {
    const out = path.join(ctx.dir, 'r.xlsx');
    await exportAs(ctx.service, ctx.file, 'xlsx', out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Chuyến công tác',
      'Máy đã chẩn đoán',
      'Vấn đề theo nguyên nhân',
      'Phát hiện theo từng máy',
      'Vấn đề sinh viên ghi nhận',
      'Việc đã khắc phục',
      'Việc còn tồn',
      'Người được hỗ trợ',
      'Danh mục kiểm tra đã thực hiện',
      'Thiết bị trong mạng LAN',
    ]);
    let strings = 0;
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') {
            strings += 1;
            expect(cell.value).not.toMatch(INJECTION);
          }
        }),
      );
    }
    expect(strings).toBeGreaterThan(30);
    const open = book.getWorksheet('Việc còn tồn')!;
    expect(open.getCell('B2').value).toBe('Thay hộp mực máy in HP tầng 2');
    expect(open.getColumn(2).values).toEqual(
      expect.arrayContaining(
        FORMULAS.map((f) => `'${f.replace(/\r/g, '\n')}`),
      ) /* exceljs stores CR as LF */,
    );
  });
});

describe('HTML export', () => {
  it('is one self-contained file with no script and every name escaped', async () => {
    const out = path.join(ctx.dir, 'r.html');
    await exportAs(ctx.service, ctx.file, 'html', out);
    const html = await readFile(out, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/(src|href)="(?!data:image\/(png|jpeg);base64,)/);
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('Trần Thị Ngọc Ánh');
  });
});

describe('text summary', () => {
  it('is short Vietnamese plain text with counts', async () => {
    const result = await ctx.service.invoke('reports:preview-summary', { ref: { file: ctx.file } });
    expect(result.ok).toBe(true);
    const text = (result as { value: { text: string } }).value.text;
    expect(text).toMatch(/3 máy được chẩn đoán/);
    expect(text.split('\n').length).toBeLessThan(20);
    expect(text).not.toContain('\u202E');
  });
});

describe('JSON export', () => {
  it('round-trips the visit losslessly and verifies', async () => {
    const out = path.join(ctx.dir, 'r.json');
    await exportAs(ctx.service, ctx.file, 'json', out);
    const envelope = exportEnvelopeSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(envelope.visit).toEqual(visit);
    expect(
      checkIntegrity(exportEnvelopeSchema.parse(JSON.parse(JSON.stringify(envelope, null, 4)))),
    ).toMatchObject({ ok: true }); // re-indented
    expect(checkIntegrity(envelope)).toMatchObject({ ok: true });
  });

  it('detects one changed byte (digest) and a content change with the digest recomputed (signature)', async () => {
    const out = path.join(ctx.dir, 'r2.json');
    await exportAs(ctx.service, ctx.file, 'json', out);
    const text = await readFile(out, 'utf8');
    const at = text.indexOf('Tân Phước Hưng') >= 0 ? text.indexOf('Dell') : text.indexOf('Dell');
    const oneByte = `${text.slice(0, at)}Cell${text.slice(at + 4)}`;
    expect(checkIntegrity(exportEnvelopeSchema.parse(JSON.parse(oneByte)))).toMatchObject({
      ok: false,
      kind: 'damaged',
    });
    const edited = exportEnvelopeSchema.parse(JSON.parse(text));
    const forged = { ...edited, visit: { ...(edited.visit as object), timeSpentMinutes: 9999 } };
    forged.integrity = { ...forged.integrity, digest: payloadDigest(forged) };
    expect(checkIntegrity(forged)).toMatchObject({
      ok: false,
      kind: 'tampered',
      reason: 'bad-signature',
    });
    await writeFile(path.join(ctx.dir, 'forged.json'), JSON.stringify(forged));
  });
});
