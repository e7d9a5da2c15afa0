/** The supervisor's aggregate as an XLSX workbook (formula injection neutralised). */
import type { Lang } from '../define.js';
import { addSheet } from '../reports/format-xlsx.js';
import { loadExcelJs } from '../reports/lazy-libs.js';
import type { ActionItem, Aggregate, AggregateRow } from './aggregate.js';

const HEAD: Readonly<Record<Lang, readonly string[]>> = {
  vi: [
    'Nhóm',
    'Chuyến',
    'Máy',
    'Phát hiện',
    'Đã khắc phục',
    'Việc còn tồn',
    'Cán bộ được hỗ trợ',
    'Người dân được hỗ trợ',
    'CTS đã hết hạn',
    'CTS hết hạn ≤30 ngày',
    '31–60 ngày',
    '61–90 ngày',
    'Máy hết hỗ trợ',
    'Máy in sắp hết mực',
    'Từ khoá chưa tin cậy',
  ],
  en: [
    'Group',
    'Visits',
    'Machines',
    'Findings',
    'Fixes',
    'Open items',
    'Officials helped',
    'Citizens helped',
    'Certs expired',
    'Certs ≤30 days',
    '31–60 days',
    '61–90 days',
    'Out of support',
    'Printers low',
    'From untrusted keys',
  ],
};

function row(r: AggregateRow): Array<string | number> {
  return [
    r.key,
    r.visits,
    r.machines,
    r.findings,
    r.fixes,
    r.openItems,
    r.peopleOfficial,
    r.peopleCitizen,
    r.certsExpired,
    r.certs30,
    r.certs60,
    r.certs90,
    r.outOfSupport,
    r.printersLow,
    r.untrusted,
  ];
}

function items(list: readonly ActionItem[], withDays: boolean): Array<Array<string | number>> {
  return list.map((i) => [
    i.province,
    i.commune,
    i.date,
    i.machine,
    i.detail,
    ...(withDays ? [i.days ?? ''] : []),
  ]);
}

/** Renders the aggregate workbook. */
export async function renderAggregateXlsx(agg: Aggregate, lang: Lang): Promise<Buffer> {
  const vi = lang === 'vi';
  const book = new (await loadExcelJs()).Workbook();
  book.creator = 'Xã Số';
  addSheet(
    book,
    vi ? 'Tổng hợp' : 'Totals',
    HEAD[lang],
    [...agg.rows.map(row), row(agg.total)],
    [30, ...HEAD[lang].slice(1).map(() => 12)],
  );
  const kinds = [...new Set(agg.rows.flatMap((r) => Object.keys(r.findingsByKind)))].sort();
  addSheet(
    book,
    vi ? 'Phát hiện theo nhóm' : 'Findings by kind',
    [HEAD[lang][0]!, ...kinds],
    agg.rows.map((r) => [r.key, ...kinds.map((k) => r.findingsByKind[k] ?? 0)]),
    [30],
  );
  const where = vi
    ? ['Tỉnh', 'Xã/phường', 'Ngày', 'Máy', 'Chi tiết']
    : ['Province', 'Commune', 'Date', 'Machine', 'Detail'];
  addSheet(
    book,
    vi ? 'Chứng thư số' : 'Certificates',
    [...where, vi ? 'Còn (ngày)' : 'Days left'],
    items(agg.certificates, true),
    [20, 24, 12, 20, 50, 10],
  );
  addSheet(
    book,
    vi ? 'Hết hỗ trợ' : 'Out of support',
    where,
    items(agg.outOfSupport, false),
    [20, 24, 12, 20, 40],
  );
  addSheet(
    book,
    vi ? 'Máy in sắp hết mực' : 'Printers low',
    where,
    items(agg.printersLow, false),
    [20, 24, 12, 20, 40],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
