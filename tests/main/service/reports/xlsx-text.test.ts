/**
 * The workbook as a spreadsheet program reads it (sheets, real dates and numbers, frozen and
 * filtered header, A4 fit to one page wide with the sheet's fit-to-page flag) and the Zalo text
 * (one message, every count, the top problems with "…và N lỗi khác", the typed problems).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CheckResult } from '../../../../diagnostics/types.js';
import { renderVisit } from '../../../../main/service/reports/export.js';
import { ZALO_MESSAGE_LIMIT } from '../../../../main/service/reports/format-text.js';
import type { Visit } from '../../../../main/service/visits/schema.js';
import { officeVisit } from '../../../fixtures/documents/sample-visit.js';
import { sampleVisit } from '../../../fixtures/visits/sample.js';
import { exec } from './helpers.js';

const ctx = (lang: 'vi' | 'en') => ({
  lang,
  key: () => Promise.reject(new Error('not needed')),
  appVersion: 'test',
  now: () => new Date('2026-12-01T09:00:00Z'),
});

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-xlsx-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function workbook(
  visit: Visit,
  lang: 'vi' | 'en',
): Promise<{ book: ExcelJS.Workbook; file: string }> {
  const file = path.join(dir, `${lang}.xlsx`);
  await writeFile(file, await renderVisit(visit, 'xlsx', ctx(lang)));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return { book, file };
}

describe('XLSX', () => {
  it('holds every part of the visit, with real dates and numbers', async () => {
    const { book } = await workbook(officeVisit(), 'vi');
    const machines = book.getWorksheet('Máy đã chẩn đoán')!;
    const head = (machines.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual(
      expect.arrayContaining([
        'Mã tài sản',
        'Địa chỉ IP',
        'Địa chỉ MAC',
        'Hệ điều hành',
        'Hết hỗ trợ',
      ]),
    );
    const col = (name: string) => head.indexOf(name) + 1;
    const first = machines.getRow(2);
    expect(first.getCell(col('Mã tài sản')).value).toBe('TS-101');
    expect(first.getCell(col('Địa chỉ IP')).value).toBe('192.168.1.20');
    expect(first.getCell(col('Địa chỉ MAC')).value).toBe('00:1a:2b:3c:4d:10');
    expect(first.getCell(col('Hết hỗ trợ')).value).toEqual(new Date(Date.UTC(2025, 9, 14)));
    expect(first.getCell(col('Lỗi')).value).toBe(2);
    const causes = book.getWorksheet('Vấn đề theo nguyên nhân')!;
    expect(causes.rowCount).toBe(1 + 3); // DNS is one row, its three portals listed in it
    const dns = causes.getRow(3);
    expect(dns.getCell(2).value).toBe('Phân giải tên miền (DNS)');
    expect(String(dns.getCell(7).value)).toContain(
      'Truy cập vneid.gov.vn (UBND-MC-01, UBND-MC-02, UBND-MC-03)',
    );
    expect(dns.getCell(8).value).toContain('8.8.8.8');
    const open = book.getWorksheet('Việc còn tồn')!;
    expect(open.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 11, 8)));
    expect(open.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(book.getWorksheet('Người được hỗ trợ')!.getCell('A2').value).toBe(
      'Kích hoạt tài khoản định danh điện tử mức 2 (VNeID)',
    );
    expect(book.getWorksheet('Người được hỗ trợ')!.getCell('D2').value).toBe(9);
    const steps = book.getWorksheet('Danh mục kiểm tra đã thực hiện')!;
    expect(steps.rowCount).toBe(1 + 14);
    expect(steps.getCell('D2').value).toBeInstanceOf(Date);
    expect(book.getWorksheet('Việc đã khắc phục')!.getCell('B2').value).toBe(
      'Đặt lại DNS cho 3 máy',
    );
    expect(book.getWorksheet('Vấn đề sinh viên ghi nhận')!.getCell('B2').value).toBe('Máy in');
    const lan = book.getWorksheet('Thiết bị trong mạng LAN')!;
    expect(lan.getCell('E3').value).toBe('Máy in');
    const visit = book.getWorksheet('Chuyến công tác')!;
    expect(visit.getCell('B6').value).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(visit.getCell('B6').numFmt).toBe('dd/mm/yyyy');
    expect(visit.getCell('B5').value).toBe('15/BB-UBND');
  });

  it('has no internal code in any cell', async () => {
    const { book } = await workbook(officeVisit(), 'vi');
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== 'string') return;
          expect(cell.value).not.toMatch(
            /^(software|signature|network|printers|hardware|os|fail|warn|ok|unknown|router|printer|completed|passed|skipped|official|citizen|vneid-level2|other)$/,
          );
          expect(cell.value).not.toMatch(/not applicable:|network\.dns|os\.version/);
        }),
      );
  });

  it('freezes and filters every header row and prints on A4, one page wide', async () => {
    const { book, file } = await workbook(officeVisit(), 'en');
    expect(book.worksheets.map((s) => s.name)).toContain('Machines diagnosed');
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeDefined();
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(sheet.getColumn(1).width).toBeGreaterThan(4);
    }
    // What spreadsheet programs read: the sheet's fit-to-page flag beside fitToWidth.
    const xml = (await exec('unzip', ['-p', file, 'xl/worksheets/sheet2.xml'], { maxBuffer: 1e8 }))
      .stdout;
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/fitToWidth="1"/);
    expect(xml).toMatch(/fitToHeight="0"/);
    expect(xml).toMatch(/<autoFilter ref="A1:T1"\/>/);
  });
});

const t = (vi: string, en: string) => ({ vi, en });

/** A visit with 15 distinct problems over 15 machines. */
function fifteenProblems(): Visit {
  const base = sampleVisit({ machines: 15, hostile: false });
  return {
    ...base,
    machines: base.machines.map((m, i) => ({
      ...m,
      snapshot: {
        ...m.snapshot,
        checks: [
          {
            id: `software.app${i}`,
            area: 'software',
            status: 'fail',
            title: t(`Phần mềm số ${i + 1} không chạy`, `App ${i + 1} does not start`),
            detail: t('Lỗi khi mở.', 'Fails to open.'),
          } satisfies CheckResult,
        ],
      },
    })),
  };
}

describe('Zalo text', () => {
  it('fits one message with every count, the top problems, "…và N lỗi khác" and the typed problems', async () => {
    const text = (await renderVisit(fifteenProblems(), 'text', ctx('vi'))).toString('utf8');
    expect(text.length).toBeLessThanOrEqual(ZALO_MESSAGE_LIMIT);
    expect(text).toContain('15 máy được chẩn đoán; 15 vấn đề (15 lỗi, 0 cảnh báo trên các máy)');
    expect(text).toContain('người được hỗ trợ');
    expect(text).toContain('• Phần mềm số 1 không chạy — 1 máy (UBND-KT-00)');
    expect(text).toContain('…và 10 lỗi khác');
    expect(text).toContain('Vấn đề sinh viên ghi nhận:');
    expect(text).toContain('• Phần cứng: Ổ cứng máy kế toán gần đầy.');
    expect(text).not.toMatch(/\b(software|hardware|printers)\b/);
  });

  it('stays one message for a hostile visit, and speaks English when asked', async () => {
    const hostile = sampleVisit({ machines: 40, hostile: true });
    const many = {
      ...hostile,
      problems: Array.from({ length: 30 }, (_, i) => ({
        id: `p${i}`,
        kind: 'other' as const,
        text: 'Rất dài '.repeat(200),
      })),
    };
    for (const lang of ['vi', 'en'] as const) {
      const text = (await renderVisit(many, 'text', ctx(lang))).toString('utf8');
      expect(text.length).toBeLessThanOrEqual(ZALO_MESSAGE_LIMIT);
      expect(text).toContain(lang === 'vi' ? '40 máy được chẩn đoán' : '40 machines diagnosed');
      expect(text).not.toContain('\u202E');
    }
    const en = (await renderVisit(officeVisit(), 'text', ctx('en'))).toString('utf8');
    expect(en).toContain('Top problems:');
    expect(en).toContain('Problems noted by the interns:');
    expect(en).toContain('Printers: Máy in tầng 2 kẹt giấy');
  });
});
