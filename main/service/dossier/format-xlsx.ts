/**
 * The dossier's asset inventory as a workbook (exceljs): one column per field, so the office can
 * sort, filter and complete it; then the software per PC, the risks and the plan. Cells are
 * values, never formulas (text goes through `spreadsheetText`).
 */
import { loadExcelJs } from '../reports/lazy-libs.js';
import { addSheet } from '../reports/format-xlsx.js';
import { KIND_WORD, STATE_WORD } from './words.js';
import type { Dossier } from './types.js';

const SOURCE_WORD = { scan: 'quét mạng', snapshot: 'kiểm tra máy' } as const;

/** Column titles of the inventory sheet. */
export const INVENTORY_HEAD = [
  'Mã',
  'Loại',
  'Đã xác định',
  'Tên máy',
  'Hãng',
  'Model',
  'Số sê-ri',
  'IP',
  'MAC',
  'Hệ điều hành',
  'Bản dựng',
  'Hết hỗ trợ',
  'Diệt virus',
  'Tường lửa',
  'Cập nhật gần nhất',
  'Người dùng',
  'Phòng',
  'Mã tài sản',
  'Cổng mở',
  'Nguồn',
  'Thấy lần cuối',
] as const;

/** Renders the workbook as bytes. */
export async function renderDossierXlsx(d: Dossier): Promise<Buffer> {
  const book = new (await loadExcelJs()).Workbook();
  book.creator = 'Xã Số';
  const v = (x: string | undefined) => x ?? '';
  addSheet(
    book,
    'Danh mục tài sản',
    INVENTORY_HEAD,
    d.assets.map((a) => [
      a.ref,
      `${KIND_WORD[a.kind]}${a.gateway ? ' (cổng mạng)' : ''}`,
      a.identified ? 'có' : 'chưa',
      v(a.hostname),
      v(a.vendor),
      v(a.model),
      v(a.serial),
      v(a.ip),
      v(a.mac),
      v(a.os),
      v(a.osBuild),
      a.supportEnd === undefined
        ? ''
        : `${a.supportEnd}${a.outOfSupport === true ? ' (đã hết)' : ''}`,
      v(a.antivirus?.vi),
      v(a.firewall?.vi),
      v(a.lastUpdate?.slice(0, 10)),
      v(a.user),
      v(a.room),
      v(a.assetTag),
      a.openPorts.join(', '),
      a.seenBy.map((s) => SOURCE_WORD[s]).join(', '),
      a.seenAt,
    ]),
    [6, 16, 10, 18, 16, 18, 12, 15, 19, 28, 12, 18, 26, 20, 14, 18, 14, 12, 14, 20, 24],
  );
  addSheet(
    book,
    'Phần mềm',
    ['Mã máy', 'Tên máy', 'Loại', 'Phần mềm', 'Phiên bản'],
    d.assets.flatMap((a) =>
      a.software.map((s) => [a.ref, v(a.hostname), s.kind.vi, s.name, v(s.version)]),
    ),
    [8, 18, 16, 44, 18],
  );
  addSheet(
    book,
    'Rủi ro',
    ['Mã', 'Rủi ro', 'Mức', 'Bằng chứng', 'Cách khắc phục'],
    d.risks.map((r) => [
      r.id,
      r.title.vi,
      r.severity === 'high' ? 'cao' : 'trung bình',
      r.evidence.map((e) => e.vi).join('\n'),
      r.fix.vi,
    ]),
    [6, 40, 12, 70, 60],
  );
  addSheet(
    book,
    'Phương án',
    ['Nhóm', 'Yêu cầu', 'Hiện trạng', 'Bằng chứng', 'Cơ quan cần bổ sung'],
    d.plan.map((p) => [
      p.group.vi,
      p.title.vi,
      STATE_WORD[p.state],
      p.evidence.map((e) => e.vi).join('\n'),
      p.remains.vi,
    ]),
    [24, 50, 12, 70, 50],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
