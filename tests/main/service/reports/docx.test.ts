/**
 * The DOCX biên bản, opened as what it is (a zip of XML): text, national motto, Times New Roman
 * 13 pt, A4 and the NĐ 30/2020 margins (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sampleVisit } from '../../../fixtures/visits/sample.js';
import { exec, exportAs, setup } from './helpers.js';

let ctx: Awaited<ReturnType<typeof setup>>;
let xml = '';
let styles = '';
const TWIP_PER_MM = 1440 / 25.4;

beforeAll(async () => {
  ctx = await setup(sampleVisit({ machines: 4, hostile: false }));
  const out = path.join(ctx.dir, 'bb.docx');
  await exportAs(ctx.service, ctx.file, 'docx', out, 'vi');
  xml = (await exec('unzip', ['-p', out, 'word/document.xml'], { maxBuffer: 1e8 })).stdout;
  styles = (await exec('unzip', ['-p', out, 'word/styles.xml'], { maxBuffer: 1e8 })).stdout;
});
afterAll(async () => ctx.close());

/** The document's visible text, runs joined per paragraph. */
function paragraphs(doc: string): string[] {
  return [...doc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .map((t) =>
      t
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    );
}

describe('DOCX biên bản', () => {
  it('has the national motto, the title and the Vietnamese content', () => {
    const text = paragraphs(xml);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('BIÊN BẢN LÀM VIỆC');
    expect(text).toContain('XÃ TÂN PHƯỚC HƯNG');
    expect(text).toContain('Tân Phước Hưng, ngày 20 tháng 11 năm 2026');
    expect(text).toContain('(Ký, ghi rõ họ tên, đóng dấu)');
    expect(text.join('\n')).toContain('Thay hộp mực máy in HP tầng 2');
    expect(text.join('\n')).toContain('Trần Thị Ngọc Ánh (Đại học Cần Thơ)');
  });

  it('uses Times New Roman 13 pt, A4 and the NĐ 30/2020 margins', () => {
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="26"\/>/);
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml)!;
    expect(Number(size[1]) / TWIP_PER_MM).toBeCloseTo(210, 0);
    expect(Number(size[2]) / TWIP_PER_MM).toBeCloseTo(297, 0);
    const margin = (side: string) =>
      Number(new RegExp(`<w:pgMar[^>]*w:${side}="(\\d+)"`).exec(xml)![1]) / TWIP_PER_MM;
    for (const side of ['top', 'bottom']) {
      expect(margin(side)).toBeGreaterThanOrEqual(19.9);
      expect(margin(side)).toBeLessThanOrEqual(25);
    }
    expect(margin('left')).toBeGreaterThanOrEqual(29.9);
    expect(margin('left')).toBeLessThanOrEqual(35);
    expect(margin('right')).toBeGreaterThanOrEqual(14.9);
    expect(margin('right')).toBeLessThanOrEqual(20);
  });
});

describe('DOCX with hostile text', () => {
  it('keeps it as escaped text in well-formed XML', async () => {
    const bad = await setup(sampleVisit({ machines: 2, hostile: true }));
    try {
      const out = path.join(bad.dir, 'h.docx');
      await exportAs(bad.service, bad.file, 'docx', out);
      const doc = (await exec('unzip', ['-p', out, 'word/document.xml'], { maxBuffer: 1e8 }))
        .stdout;
      expect(doc).not.toMatch(/<script/);
      expect(doc).not.toContain('\u202E');
      const xmlFile = path.join(bad.dir, 'document.xml');
      await writeFile(xmlFile, doc);
      await exec('python3', [
        '-c',
        'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])',
        xmlFile,
      ]);
      expect(paragraphs(doc).join('\n')).toContain('<script>alert("x")</script>');
    } finally {
      await bad.close();
    }
  });
});
