/**
 * The one vocabulary of Xã Số: the words for areas, statuses, how checks are counted, what people
 * were helped with, roles, checklist outcomes and dates — defined once, used by the app, the CLI
 * and every export. Vietnamese first. Plain data and pure functions only: the renderer imports
 * this file.
 *
 * Wording (shared/DOMAIN.md, issue 14): "Không đạt" (never "Chưa đạt"), "Không áp dụng" for what
 * does not apply, "Bỏ qua" only for a step the intern skipped, "Cách khắc phục", "chứng thư chữ ký
 * số"; the sealed report file is "tệp báo cáo có niêm phong" and its key "khoá niêm phong", never
 * "chữ ký số".
 */
import type { Area, CheckStatus } from '../../diagnostics/types.js';
import type { CheckClass } from '../../diagnostics/findings.js';
import type { HelpedCategory } from './visits/schema.js';

/** A word in both languages. */
export type Term = Readonly<{ vi: string; en: string }>;
/** The UI and export languages. */
export type VocabLang = keyof Term;

const term = (vi: string, en: string): Term => ({ vi, en });

/** The six areas a diagnosis covers. */
export const AREA_TERMS: Readonly<Record<Area, Term>> = {
  hardware: term('Phần cứng', 'Hardware'),
  os: term('Hệ điều hành', 'Operating system'),
  software: term('Phần mềm', 'Software'),
  signature: term('Ký số', 'Digital signature'),
  network: term('Mạng', 'Network'),
  printers: term('Máy in', 'Printers'),
};

/** A check's status. */
export const STATUS_TERMS: Readonly<Record<CheckStatus, Term>> = {
  ok: term('Đạt', 'OK'),
  warn: term('Cảnh báo', 'Warning'),
  fail: term('Lỗi', 'Problem'),
  unknown: term('Không kiểm tra được', 'Could not check'),
};

/** How a check is counted (`diagnostics/findings.ts`). */
export const CLASS_TERMS: Readonly<Record<CheckClass, Term>> = {
  problem: term('Vấn đề', 'Problem'),
  affected: term('Bị ảnh hưởng', 'Affected'),
  ok: term('Đạt', 'OK'),
  unknown: term('Không kiểm tra được', 'Could not check'),
  'not-applicable': term('Không áp dụng', 'Not applicable'),
};

/** What a person was helped with (the supervisor's programme indicators). */
export const HELPED_TERMS: Readonly<Record<HelpedCategory, Term>> = {
  'vneid-level2': term(
    'Kích hoạt tài khoản định danh điện tử mức 2 (VNeID)',
    'VNeID level-2 activation',
  ),
  'public-service-dossier': term(
    'Nộp hồ sơ dịch vụ công trực tuyến',
    'Online public-service dossier filed',
  ),
  'personal-signature': term('Cài đặt chữ ký số cá nhân', 'Personal digital signature set up'),
  'officials-trained': term('Tập huấn cán bộ', 'Officials trained'),
  business: term('Hỗ trợ doanh nghiệp, hộ kinh doanh', 'Businesses helped'),
  other: term('Việc khác', 'Other'),
};

/** Who was helped. */
export const ROLE_TERMS: Readonly<Record<'official' | 'citizen', Term>> = {
  official: term('Cán bộ', 'Official'),
  citizen: term('Người dân', 'Citizen'),
};

/** A checklist step's outcome. */
export const OUTCOME_TERMS: Readonly<
  Record<'passed' | 'failed' | 'overridden' | 'answered' | 'skipped' | 'pending', Term>
> = {
  passed: term('Đạt', 'Passed'),
  failed: term('Không đạt', 'Failed'),
  overridden: term('Bỏ qua có lý do', 'Overridden with a reason'),
  answered: term('Đã trả lời', 'Answered'),
  skipped: term('Bỏ qua', 'Skipped'),
  pending: term('Chưa làm', 'Not done'),
};

/** The names of things a user meets in several places. */
export const NAME_TERMS = {
  sealedReport: term('Tệp báo cáo có niêm phong', 'Sealed report file'),
  sealingKey: term('Khoá niêm phong', 'Sealing key'),
  fix: term('Cách khắc phục', 'How to fix'),
  technicalDetail: term('Chi tiết kỹ thuật', 'Technical details'),
  visit: term('Chuyến công tác', 'Visit'),
  mentor: term('Người hướng dẫn', 'Mentor'),
  certificate: term('Chứng thư chữ ký số', 'Signing certificate'),
} as const satisfies Readonly<Record<string, Term>>;

/** `2026-12-01` → `01/12/2026` (vi) or `1 December 2026` (en); anything else comes back as is. */
export function formatDate(iso: string, lang: VocabLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m === null) return iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (lang === 'vi') return `${d}/${mo}/${y}`;
  return `${Number(d)} ${EN_MONTHS[Number(mo) - 1] ?? mo} ${y}`;
}

/** `2026-12-01` → "ngày 01 tháng 12 năm 2026" (vi, as NĐ 30/2020 writes it) or "1 December 2026". */
export function dateInWords(iso: string, lang: VocabLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m === null) return iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (lang === 'en') return formatDate(iso, 'en');
  // NĐ 30/2020 Phụ lục I: days 1–9 and months 1–2 are written with a leading zero.
  const month = Number(mo) <= 2 ? mo : String(Number(mo));
  return `ngày ${d} tháng ${month} năm ${y}`;
}

/**
 * The short fingerprint an intern reads out or types: the key id in four groups of four hex
 * digits, `3f2a 9c01 7be4 d25e` (64 bits of the SHA-256 of the public key).
 */
export function formatFingerprint(keyId: string): string {
  return keyId.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A count as the language writes it: 60.105 and 12,5 in Vietnamese, 60,105 and 12.5 in English. */
export function formatCount(n: number, lang: VocabLang): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
}

/** "1 problem", "2 problems"; Vietnamese has no plural ("2 vấn đề"). */
export function countOf(n: number, word: Term & { enPlural?: string }, lang: VocabLang): string {
  if (lang === 'vi') return `${n} ${word.vi}`;
  return `${n} ${n === 1 ? word.en : (word.enPlural ?? `${word.en}s`)}`;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A checklist run's state (exports). */
export const RUN_STATUS_TERMS: Readonly<Record<'completed' | 'in-progress' | 'abandoned', Term>> = {
  completed: term('Hoàn thành', 'Completed'),
  'in-progress': term('Đang làm dở', 'In progress'),
  abandoned: term('Bỏ dở', 'Abandoned'),
};

/** The kind of a problem the intern typed: an area, or "other". */
export const PROBLEM_KIND_TERMS: Readonly<Record<Area | 'other', Term>> = {
  ...AREA_TERMS,
  other: term('Khác', 'Other'),
};

/** What a device found on the office LAN looks like (`diagnostics/scan/types.ts`). */
export const DEVICE_TYPE_TERMS: Readonly<
  Record<'printer' | 'router' | 'pc' | 'camera' | 'unknown', Term>
> = {
  printer: term('Máy in', 'Printer'),
  router: term('Bộ định tuyến (router)', 'Router'),
  pc: term('Máy tính', 'Computer'),
  camera: term('Camera', 'Camera'),
  unknown: term('Chưa rõ loại', 'Unknown type'),
};

/**
 * Labels of the measured values a check carries (`CheckResult.values` keys), shown under
 * "Chi tiết kỹ thuật". A key missing here is shown as it is, inside that folded part only.
 */
export const VALUE_TERMS: Readonly<Record<string, Term>> = {
  model: term('Mẫu', 'Model'),
  logicalCpus: term('Số luồng xử lý', 'Logical processors'),
  loadPercent: term('Đang bận (%)', 'Load (%)'),
  totalBytes: term('Tổng dung lượng (byte)', 'Total (bytes)'),
  availableBytes: term('Còn trống (byte)', 'Available (bytes)'),
  availablePercent: term('Còn trống (%)', 'Available (%)'),
  mount: term('Ổ đĩa', 'Drive'),
  fs: term('Định dạng', 'File system'),
  sizeBytes: term('Dung lượng (byte)', 'Size (bytes)'),
  freeBytes: term('Còn trống (byte)', 'Free (bytes)'),
  usedPercent: term('Đã dùng (%)', 'Used (%)'),
  name: term('Tên', 'Name'),
  kind: term('Loại', 'Kind'),
  health: term('Tình trạng', 'Health'),
  present: term('Có', 'Present'),
  percent: term('Phần trăm', 'Percent'),
  designed: term('Dung lượng thiết kế', 'Design capacity'),
  full: term('Dung lượng sạc đầy', 'Full-charge capacity'),
  healthPercent: term('Độ chai (% còn lại)', 'Health (%)'),
  maxCelsius: term('Nóng nhất (°C)', 'Hottest (°C)'),
  readingsCelsius: term('Các cảm biến (°C)', 'Sensors (°C)'),
  osName: term('Hệ điều hành', 'Operating system'),
  caption: term('Tên đầy đủ', 'Full name'),
  build: term('Bản dựng', 'Build'),
  ubr: term('Bản vá', 'Update revision'),
  displayVersion: term('Phiên bản', 'Version'),
  editionId: term('Ấn bản', 'Edition'),
  arch: term('Kiến trúc', 'Architecture'),
  supportEnd: term('Hết hỗ trợ', 'End of support'),
  daysLeft: term('Còn (ngày)', 'Days left'),
  uptimeSeconds: term('Thời gian chạy (giây)', 'Uptime (seconds)'),
  uptimeDays: term('Thời gian chạy (ngày)', 'Uptime (days)'),
  pendingReboot: term('Chờ khởi động lại', 'Restart pending'),
  pendingReasons: term('Lý do chờ khởi động lại', 'Why a restart is pending'),
  id: term('Mã', 'Id'),
  offsetMinutes: term('Lệch so với UTC (phút)', 'UTC offset (minutes)'),
  offsetMs: term('Lệch giờ (ms)', 'Clock offset (ms)'),
  server: term('Máy chủ thời gian', 'Time server'),
  psVersion: term('Phiên bản PowerShell', 'PowerShell version'),
  languageMode: term('Chế độ ngôn ngữ PowerShell', 'PowerShell language mode'),
  browsers: term('Trình duyệt', 'Browsers'),
  installed: term('Đã cài', 'Installed'),
  running: term('Đang chạy', 'Running'),
  vietnameseModeReadable: term('Đọc được chế độ gõ', 'Typing mode readable'),
  timesNewRoman: term('Có Times New Roman', 'Times New Roman present'),
  vnFonts: term('Phông .Vn (TCVN3)', '.Vn fonts (TCVN3)'),
  vniFonts: term('Phông VNI', 'VNI fonts'),
  families: term('Các họ phông', 'Font families'),
  suites: term('Bộ văn phòng', 'Office suites'),
  products: term('Phần mềm diệt virus', 'Antivirus products'),
  profiles: term('Cấu hình tường lửa', 'Firewall profiles'),
  lastUpdate: term('Lần cập nhật gần nhất', 'Last update'),
  days: term('Số ngày', 'Days'),
  found: term('Tìm thấy', 'Found'),
  usbDevices: term('Thiết bị USB', 'USB devices'),
  tokens: term('Token', 'Tokens'),
  status: term('Trạng thái', 'Status'),
  startType: term('Kiểu khởi động', 'Start type'),
  modules: term('Thư viện PKCS#11', 'PKCS#11 modules'),
  personal: term('Chứng thư trong kho cá nhân', 'Personal certificates'),
  signing: term('Chứng thư ký được', 'Signing certificates'),
  certificates: term('Số chứng thư', 'Certificates'),
  trustedRoots: term('Chứng thư gốc tin cậy', 'Trusted roots'),
  subject: term('Cấp cho', 'Subject'),
  issuer: term('Tổ chức cấp', 'Issuer'),
  notBefore: term('Hiệu lực từ', 'Valid from'),
  notAfter: term('Hiệu lực đến', 'Valid until'),
  validity: term('Hiệu lực', 'Validity'),
  chain: term('Chuỗi chứng thư', 'Chain'),
  sha256: term('Dấu vân tay SHA-256', 'SHA-256 fingerprint'),
  serial: term('Số sê-ri', 'Serial number'),
  attempts: term('Các lần thử', 'Attempts'),
  socket: term('Cổng kết nối (socket)', 'Socket'),
  reason: term('Lý do', 'Reason'),
  url: term('Địa chỉ', 'Address'),
  breaksAt: term('Hỏng ở bước', 'Breaks at'),
  httpStatus: term('Mã trả lời HTTP', 'HTTP status'),
  totalMs: term('Tổng thời gian (ms)', 'Total time (ms)'),
  clockSkewMs: term('Lệch đồng hồ (ms)', 'Clock skew (ms)'),
  ms: term('Thời gian (ms)', 'Time (ms)'),
  dnsCode: term('Mã lỗi DNS', 'DNS error code'),
  dnsCodes: term('Các mã lỗi DNS', 'DNS error codes'),
  tlsError: term('Lỗi TLS', 'TLS error'),
};

/** The label of a value key, or the key itself (shown only under "Chi tiết kỹ thuật"). */
export function valueLabel(key: string, lang: VocabLang): string {
  return Object.hasOwn(VALUE_TERMS, key) ? VALUE_TERMS[key]![lang] : key;
}
