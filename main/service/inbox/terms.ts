/**
 * Words of the desk (indicator names), beside the one vocabulary (`../vocabulary.ts`) whose terms
 * they reuse. Plain data: the renderer imports this file.
 */
import { AREA_TERMS, type Term } from '../vocabulary.js';
import type { Indicators } from './records.js';

/** The indicators' names (the people by category use `HELPED_TERMS`). */
export const INDICATOR_TERMS: Readonly<
  Record<Exclude<keyof Indicators, 'peopleByCategory'>, Term>
> = {
  visits: { vi: 'Chuyến công tác', en: 'Visits' },
  communesVisited: { vi: 'Xã, phường đã đến', en: 'Communes visited' },
  machines: { vi: 'Máy (mỗi máy một lần)', en: 'Machines (each once)' },
  problems: { vi: 'Vấn đề (tình trạng mới nhất)', en: 'Problems (latest state)' },
  openItems: { vi: 'Việc còn tồn', en: 'Open items' },
  fixes: { vi: 'Việc đã khắc phục', en: 'Fixes' },
  pcsFixed: { vi: 'Máy tính đã sửa', en: 'PCs fixed' },
  printersFixed: { vi: 'Máy in đã sửa', en: 'Printers fixed' },
  peopleHelped: { vi: 'Người được hỗ trợ', en: 'People helped' },
  daysOnSite: { vi: 'Ngày tại xã', en: 'Days on site' },
  hoursOnSite: { vi: 'Giờ tại xã', en: 'Hours on site' },
  certificatesExpiring90: {
    vi: 'Chứng thư chữ ký số hết hạn trong 90 ngày',
    en: 'Certificates expiring within 90 days',
  },
  certificatesExpired: { vi: 'Chứng thư chữ ký số đã hết hạn', en: 'Certificates expired' },
  outOfSupport: { vi: 'Máy hết hỗ trợ hệ điều hành', en: 'PCs out of support' },
  printersLow: { vi: 'Máy in sắp hết mực', en: 'Printers low on supplies' },
  untrusted: { vi: 'Chuyến từ khoá chưa đăng ký', en: 'Visits from keys not enrolled' },
};

const KIND_TERMS: Readonly<Record<string, Term>> = {
  ...AREA_TERMS,
  other: { vi: 'Khác', en: 'Other' },
};

/** The word of a check area or of a typed problem's kind. */
export function areaTerm(area: string): Term {
  return KIND_TERMS[area] ?? { vi: area, en: area };
}
