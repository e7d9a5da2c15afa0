/**
 * The whole desk as an XLSX workbook (formula injection neutralised by `addSheet`): the
 * indicators, weeks, causes, open items, certificates, out-of-support PCs, communes and interns,
 * each figure counted as on screen (`desk.ts`).
 */
import type { Lang } from '../define.js';
import { addSheet } from '../reports/format-xlsx.js';
import { loadExcelJs } from '../reports/lazy-libs.js';
import { HELPED_TERMS, formatDate } from '../vocabulary.js';
import { HELPED_CATEGORIES } from '../visits/schema.js';
import type { Desk, Indicators } from './records.js';
import { INDICATOR_TERMS, areaTerm } from './terms.js';

/** Renders the desk workbook. */
export async function renderDeskXlsx(desk: Desk, lang: Lang): Promise<Buffer> {
  const vi = lang === 'vi';
  const d = (iso: string | undefined): string => (iso === undefined ? '' : formatDate(iso, lang));
  const book = new (await loadExcelJs()).Workbook();
  book.creator = 'Xã Số';
  const ind = desk.indicators;
  addSheet(
    book,
    vi ? 'Chỉ số' : 'Indicators',
    [
      vi ? 'Chỉ số' : 'Indicator',
      vi ? 'Giá trị' : 'Value',
      vi ? 'Số chuyến liên quan' : 'Visits behind it',
    ],
    [
      ...(Object.keys(INDICATOR_TERMS) as (keyof typeof INDICATOR_TERMS)[]).map((k) => {
        const f = ind[k as Exclude<keyof Indicators, 'peopleByCategory'>];
        return [INDICATOR_TERMS[k][lang], f.value, f.visits.length];
      }),
      ...HELPED_CATEGORIES.map((c) => [
        HELPED_TERMS[c][lang],
        ind.peopleByCategory[c].value,
        ind.peopleByCategory[c].visits.length,
      ]),
    ],
    [50, 12, 18],
  );
  addSheet(
    book,
    vi ? 'Theo tuần' : 'Per week',
    [vi ? 'Tuần' : 'Week', vi ? 'Chuyến' : 'Visits', vi ? 'Người được hỗ trợ' : 'People helped'],
    desk.weeks.map((w) => [w.week, w.visits.value, w.people.value]),
    [14, 10, 18],
  );
  addSheet(
    book,
    vi ? 'Nguyên nhân' : 'Causes',
    [vi ? 'Lĩnh vực' : 'Area', vi ? 'Vấn đề' : 'Problem', vi ? 'Số máy/lần' : 'Count'],
    desk.causes.map((c) => [
      areaTerm(c.area)[lang],
      c.title || areaTerm(c.area)[lang],
      c.count.value,
    ]),
    [20, 60, 10],
  );
  addSheet(
    book,
    vi ? 'Việc còn tồn' : 'Open items',
    vi
      ? ['Xã/phường', 'Việc', 'Từ ngày', 'Số ngày', 'Hạn']
      : ['Commune', 'Item', 'Since', 'Days', 'Due'],
    desk.openItems.map((i) => [i.commune, i.text, d(i.since), i.days, d(i.due)]),
    [24, 60, 12, 8, 12],
  );
  addSheet(
    book,
    vi ? 'Chứng thư chữ ký số' : 'Certificates',
    vi
      ? ['Xã/phường', 'Máy', 'Chứng thư', 'Còn (ngày)']
      : ['Commune', 'Machine', 'Certificate', 'Days left'],
    desk.certificates.map((c) => [c.commune, c.machine, c.detail, c.days ?? '']),
    [24, 20, 50, 10],
  );
  addSheet(
    book,
    vi ? 'Hết hỗ trợ' : 'Out of support',
    vi ? ['Xã/phường', 'Máy', 'Hệ điều hành'] : ['Commune', 'Machine', 'Operating system'],
    desk.outOfSupport.map((c) => [c.commune, c.machine, c.detail]),
    [24, 20, 40],
  );
  addSheet(
    book,
    vi ? 'Theo xã' : 'Per commune',
    vi
      ? [
          'Xã/phường',
          'Tỉnh',
          'Chuyến',
          'Lần cuối',
          'Máy',
          'Vấn đề',
          'Việc còn tồn',
          'Người được hỗ trợ',
          'Nhận xét của xã',
        ]
      : [
          'Commune',
          'Province',
          'Visits',
          'Last visit',
          'Machines',
          'Problems',
          'Open items',
          'People helped',
          "Commune's assessment",
        ],
    desk.communes.map((c) => [
      c.commune,
      c.province,
      c.visits.value,
      d(c.lastVisit),
      c.machines,
      c.problems,
      c.openItems,
      c.people,
      c.assessments.map((a) => `${d(a.date)}: ${a.text}${a.by ? ` (${a.by})` : ''}`).join('\n'),
    ]),
    [24, 18, 8, 12, 8, 8, 10, 12, 60],
  );
  addSheet(
    book,
    vi ? 'Theo sinh viên' : 'Per intern',
    vi
      ? [
          'Sinh viên',
          'Mã khoá',
          'Chuyến (chia đều)',
          'Người được hỗ trợ',
          'Giờ tại xã',
          'Báo cáo gần nhất',
          'Số ngày',
        ]
      : [
          'Intern',
          'Key',
          'Visits (shared)',
          'People helped',
          'Hours on site',
          'Last report',
          'Days',
        ],
    desk.interns.map((i) => [
      i.name,
      i.keyId ?? '',
      i.visits,
      i.people,
      i.hours,
      d(i.lastReport),
      i.daysSinceReport ?? '',
    ]),
    [30, 18, 14, 14, 12, 14, 8],
  );
  addSheet(
    book,
    vi ? 'Xã chưa có chuyến' : 'Communes without a visit',
    [vi ? 'Xã/phường' : 'Commune'],
    desk.communesWithoutVisit.map((c) => [c]),
    [40],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
