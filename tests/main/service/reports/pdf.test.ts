/**
 * The PDF, checked with poppler: `pdftotext` must give back the Vietnamese text exactly (NFC),
 * `pdffonts` must show the embedded Be Vietnam Pro, and `pdftoppm` must rasterise every page.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HOSTILE, sampleVisit } from '../../../fixtures/visits/sample.js';
import { exec, exportAs, setup } from './helpers.js';

let ctx: Awaited<ReturnType<typeof setup>>;
let hostile: Awaited<ReturnType<typeof setup>>;

beforeAll(async () => {
  ctx = await setup(sampleVisit({ machines: 6 }));
  hostile = await setup(sampleVisit({ machines: 2, hostile: true }));
});
afterAll(async () => {
  await ctx.close();
  await hostile.close();
});

const text = async (file: string) =>
  (await exec('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout.normalize('NFC');

describe('PDF export', () => {
  it('keeps every Vietnamese letter, extractable with pdftotext', async () => {
    const out = path.join(ctx.dir, 'r.pdf');
    const result = await exportAs(ctx.service, ctx.file, 'pdf', out);
    expect(result.mime).toBe('application/pdf');
    const extracted = (await text(out)).replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BIÊN BẢN LÀM VIỆC',
      'Xã Tân Phước Hưng',
      'Tỉnh Cần Thơ',
      'Trần Thị Ngọc Ánh',
      'Lê Đức Huỳnh',
      'Ủy ban nhân dân xã — Bộ phận Một cửa',
      'Ổ C: chỉ còn 1,2 GB trống (2%).',
      'Windows 10 đã hết hỗ trợ từ',
      'Hộp mực đen còn 5%.',
      'Cài đặt chữ ký số VNPT-CA',
      'Thay hộp mực máy in HP tầng 2',
      'Hướng dẫn nộp hồ sơ trực tuyến (VNeID)',
      'Phạm Văn Dũng',
    ])
      expect(extracted).toContain(expected.normalize('NFC'));
    const fonts = (await exec('pdffonts', [out])).stdout;
    expect(fonts).toMatch(/Tinos-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(fonts).toMatch(/Tinos-Bold/);
  });

  it('speaks English when asked (labels and check texts), names stay as written', async () => {
    const out = path.join(ctx.dir, 'en.pdf');
    await exportAs(ctx.service, ctx.file, 'pdf', out, 'en');
    const extracted = await text(out);
    for (const expected of [
      'SOCIALIST REPUBLIC OF VIET NAM',
      'MINUTES OF THE WORKING SESSION',
      'EACH MACHINE',
      'Only 1.2 GB free (2%).',
      'Xã Tân Phước Hưng',
    ])
      expect(extracted).toContain(expected);
  });

  it('is A4 and rasterises on every page', async () => {
    const out = path.join(ctx.dir, 'a4.pdf');
    await exportAs(ctx.service, ctx.file, 'pdf', out);
    const info = (await exec('pdfinfo', [out])).stdout;
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    await exec('pdftoppm', ['-r', '40', '-png', out, path.join(ctx.dir, 'page')]);
    expect(
      (await readdir(ctx.dir)).filter((n) => n.startsWith('page') && n.endsWith('.png')),
    ).toHaveLength(pages);
  });

  it('shows hostile text literally, with bidi overrides made visible', async () => {
    const out = path.join(hostile.dir, 'h.pdf');
    await exportAs(hostile.service, hostile.file, 'pdf', out);
    const extracted = (await text(out)).replace(/\s+/g, ' ');
    expect(extracted).toContain('<script>alert("x")</script>');
    expect(extracted).toContain("=cmd|' /C calc'!A0");
    expect(extracted).toContain('abc[U+202E]exe.pdf');
    expect(extracted).not.toContain('\u202E');
    expect(HOSTILE).toContain('\u202E');
  });
});
