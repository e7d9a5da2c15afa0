/**
 * The minutes seen, not assumed: every PDF page rasterised with pdftoppm, the DOCX put through
 * LibreOffice headless and rasterised the same way; page counts, every word inside the page box
 * minus the NĐ 30/2020 side margins and clear of the top and bottom edges (pdftotext -bbox),
 * every font embedded (pdffonts), the content a commune office signs, no internal code; and the
 * first pages compared with the reference pictures in tests/fixtures/documents/ (regenerate them
 * with XASO_UPDATE_DOCUMENTS=1 after a deliberate layout change, and look at them).
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderVisit } from '../../../../main/service/reports/export.js';
import type { Visit } from '../../../../main/service/visits/schema.js';
import { officeVisit, oneHealthyPc } from '../../../fixtures/documents/sample-visit.js';
import {
  docxToPdf,
  pdfFonts,
  pdfInfo,
  pdfText,
  pictureDifference,
  rasterise,
  words,
} from './seen.js';

const MM = 72 / 25.4;
const REFERENCES = fileURLToPath(new URL('../../../fixtures/documents/', import.meta.url));
const UPDATE = process.env['XASO_UPDATE_DOCUMENTS'] === '1';
const ctx = (lang: 'vi' | 'en') => ({
  lang,
  key: () => Promise.reject(new Error('not needed')),
  appVersion: 'test',
  now: () => new Date('2026-12-01T09:00:00Z'),
});

type Case = Readonly<{ name: string; visit: Visit; lang: 'vi' | 'en' }>;
const CASES: readonly Case[] = [
  { name: 'one-vi', visit: oneHealthyPc(), lang: 'vi' },
  { name: 'office-vi', visit: officeVisit(), lang: 'vi' },
  { name: 'office-en', visit: officeVisit(), lang: 'en' },
];

let dir = '';
/** name → { pdf, docxPdf } */
const files = new Map<string, { pdf: string; docx: string }>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-documents-'));
  const docx: string[] = [];
  for (const c of CASES) {
    const pdf = path.join(dir, `${c.name}.pdf`);
    await writeFile(pdf, await renderVisit(c.visit, 'pdf', ctx(c.lang)));
    const doc = path.join(dir, `${c.name}.docx`);
    await writeFile(doc, await renderVisit(c.visit, 'docx', ctx(c.lang)));
    docx.push(doc);
    files.set(c.name, { pdf, docx: '' });
  }
  const converted = await docxToPdf(docx, path.join(dir, 'lo'));
  CASES.forEach((c, i) => files.set(c.name, { pdf: files.get(c.name)!.pdf, docx: converted[i]! }));
}, 300_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

const KINDS = ['pdf', 'docx'] as const;

/** The page where the appendix starts (its title stands alone at the top). */
async function appendixPage(file: string, word: string): Promise<number> {
  const { pages } = await pdfInfo(file);
  for (let p = 1; p <= pages; p += 1) if ((await pdfText(file, p, p)).includes(word)) return p;
  return pages + 1;
}

describe.each(CASES)('the minutes of $name', (c) => {
  it.each(KINDS)(
    '%s: A4, every page rasterised, every word on the page, fonts embedded',
    async (kind) => {
      const file = files.get(c.name)![kind];
      const info = await pdfInfo(file);
      expect(info.size).toMatch(/^595(\.\d+)? x 841(\.\d+)? pts/);
      expect(info.pages).toBeGreaterThanOrEqual(2);
      const pngs = await rasterise(file, dir, 30);
      expect(pngs).toHaveLength(info.pages);
      const { pageWidth, pageHeight, words: all } = await words(file);
      expect(all.length).toBeGreaterThan(200);
      // Side margins of NĐ 30/2020 (left 30 mm, right 15 mm) hold no text; page numbers sit in the
      // top margin, so only 8 mm at the top and bottom edges must stay clear.
      const off = all.filter(
        (w) =>
          w.x0 < 30 * MM - 1 ||
          w.x1 > pageWidth - 15 * MM + 1 ||
          w.y0 < 8 * MM ||
          w.y1 > pageHeight - 8 * MM,
      );
      expect(off).toEqual([]);
      const fonts = await pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded)).toBe(true);
      expect(fonts.map((f) => f.name).join(' ')).toMatch(/Tinos-Regular/);
      expect(fonts.map((f) => f.name).join(' ')).toMatch(/Tinos-Bold/);
    },
  );

  it.each(KINDS)(
    '%s: reads as the document an office signs, with no internal code',
    async (kind) => {
      const file = files.get(c.name)![kind];
      const text = await pdfText(file);
      const vi = c.lang === 'vi';
      const expected = vi
        ? [
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'Độc lập - Tự do - Hạnh phúc',
            'ỦY BAN NHÂN DÂN',
            'XÃ TÂN PHƯỚC HƯNG',
            'Tân Phước Hưng, ngày 01 tháng 12 năm 2026',
            'BIÊN BẢN LÀM VIỆC',
            'I. THÀNH PHẦN THAM GIA',
            'III. KẾT QUẢ KIỂM TRA',
            'V. VIỆC CÒN TỒN',
            'SINH VIÊN THỰC HIỆN',
            'ĐẠI DIỆN CƠ QUAN',
            '(Ký, ghi rõ họ tên, đóng dấu)',
            'Trần Thị Ngọc Ánh',
            'Lê Đức Huỳnh',
            'Phạm Văn Dũng',
            '15/12/2026',
            'PHỤ LỤC',
          ]
        : [
            'SOCIALIST REPUBLIC OF VIET NAM',
            'Independence - Freedom - Happiness',
            'Tân Phước Hưng, 1 December 2026',
            'MINUTES OF THE WORKING SESSION',
            'I. PARTICIPANTS',
            'III. FINDINGS',
            '(Signature, full name, seal)',
            'Trần Thị Ngọc Ánh',
            'Lê Đức Huỳnh',
            'APPENDIX',
          ];
      for (const s of expected) expect(text).toContain(s);
      expect(text).toContain(
        c.visit.documentNumber === undefined
          ? 'Số: ………/BB-UBND'
          : `${vi ? 'Số' : 'No.'}: 15/BB-UBND`,
      );
      // No ISO date, no status/area/check id, no fallback reason in English.
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(text).not.toMatch(/not applicable:|\bno — |network\.dns|os\.version|\bin-progress\b/);
      if (vi)
        expect(text).not.toMatch(
          /\b(software|signature|network|printers|hardware|completed|skipped)\b/,
        );
    },
  );
});

describe('one cause, one finding; short minutes', () => {
  it.each(KINDS)(
    '%s: one healthy PC with two problems fits on two pages before the appendix',
    async (kind) => {
      const file = files.get('one-vi')![kind];
      expect(await appendixPage(file, 'PHỤ LỤC')).toBeLessThanOrEqual(3);
      const main = await pdfText(file, 1, 2);
      expect(main).toContain('Hỗ trợ của Windows');
      expect(main).toContain('Mực máy in HP LaserJet');
      expect(main).toContain('Phát hiện 2 vấn đề (1 lỗi và 1 cảnh báo trên các máy)');
    },
  );

  it.each(KINDS)(
    '%s: DNS down on 3 PCs is one finding, the portals listed under it',
    async (kind) => {
      const file = files.get('office-vi')![kind];
      const appendix = await appendixPage(file, 'PHỤ LỤC');
      const main = await pdfText(file, 1, appendix - 1);
      expect(main.split('Phân giải tên miền (DNS)').length - 1).toBe(1);
      // Hostnames may wrap at their hyphen inside the table cell.
      for (const site of ['dichvucong.gov.vn', 'vneid.gov.vn', 'thuedientu.gdt.gov.vn'])
        expect(main).toContain(`Kéo theo: Truy cập ${site} (UBND`);
      expect(main).toContain(
        'Phát hiện 3 vấn đề (6 lỗi và 1 cảnh báo trên các máy); 9 mục bị ảnh hưởng bởi các vấn đề đó',
      );
      // The checklist is told as what was done: the 12 skipped steps are counted, not listed.
      expect(main).toContain('12 bước bỏ qua');
      expect(main).not.toContain('Bước phụ 1');
    },
  );
});

describe('reference pictures (tests/fixtures/documents/)', () => {
  it.each(KINDS)('%s: the first two pages of the sample visit look as reviewed', async (kind) => {
    const pngs = await rasterise(files.get('office-vi')![kind], path.join(dir), 100);
    for (const [i, png] of pngs.slice(0, 2).entries()) {
      const reference = path.join(REFERENCES, `minutes-${kind}-page${i + 1}.png`);
      if (UPDATE) await copyFile(png, reference);
      // LibreOffice versions differ a little in anti-aliasing; a moved line differs far more.
      expect(await pictureDifference(png, reference)).toBeLessThan(kind === 'pdf' ? 0.005 : 0.02);
    }
  });
});
