/**
 * Common printer faults, explained in plain Vietnamese with the fix. Every backend maps what it
 * sees (IPP keywords, CUPS state, Windows status names) to these codes.
 */
import type { LocalText } from '../types.js';
import type { PrinterFault } from './types.js';

/** Every fault code the app explains. */
export type FaultCode =
  | 'offline'
  | 'paused'
  | 'not-accepting'
  | 'toner-low'
  | 'toner-empty'
  | 'media-empty'
  | 'media-jam'
  | 'door-open'
  | 'output-full'
  | 'stuck-jobs'
  | 'port-unreachable'
  | 'driver-missing'
  | 'spooler-stopped'
  | 'error';

const t = (vi: string, en: string): LocalText => ({ vi, en });

const FAULTS: Readonly<Record<FaultCode, Omit<PrinterFault, 'code'>>> = {
  offline: {
    severity: 'fail',
    text: t('Máy in đang ngoại tuyến (offline).', 'The printer is offline.'),
    fix: t(
      'Kiểm tra máy in đã bật, cáp mạng/USB đã cắm; trên Windows bỏ chọn "Use Printer Offline" trong hàng đợi in.',
      'Check the printer is on and its network/USB cable is in; on Windows untick "Use Printer Offline" in the queue.',
    ),
  },
  paused: {
    severity: 'fail',
    text: t('Hàng đợi in đang tạm dừng.', 'The print queue is paused.'),
    fix: t(
      'Mở hàng đợi in và chọn "Tiếp tục" (Resume); trên Linux: cupsenable TÊN.',
      'Open the queue and choose Resume; on Linux: cupsenable NAME.',
    ),
  },
  'not-accepting': {
    severity: 'fail',
    text: t('Hàng đợi không nhận lệnh in mới.', 'The queue does not accept new jobs.'),
    fix: t(
      'Cho hàng đợi nhận lệnh lại (cupsaccept TÊN), hoặc cài lại máy in.',
      'Let the queue accept jobs again (cupsaccept NAME), or reinstall the printer.',
    ),
  },
  'toner-low': {
    severity: 'warn',
    text: t('Mực (toner) sắp hết.', 'Toner is low.'),
    fix: t(
      'Chuẩn bị hộp mực thay thế; in tiếp được một thời gian.',
      'Get a replacement cartridge ready; printing can go on for a while.',
    ),
  },
  'toner-empty': {
    severity: 'fail',
    text: t('Hết mực (toner).', 'Toner is empty.'),
    fix: t(
      'Thay hộp mực (đúng mã mực của máy), rồi in trang thử.',
      'Replace the cartridge (the right model), then print a test page.',
    ),
  },
  'media-empty': {
    severity: 'fail',
    text: t('Hết giấy trong khay.', 'The tray is out of paper.'),
    fix: t('Nạp giấy A4 vào khay, đẩy khay vào hết.', 'Load A4 paper and push the tray fully in.'),
  },
  'media-jam': {
    severity: 'fail',
    text: t('Kẹt giấy.', 'Paper jam.'),
    fix: t(
      'Tắt máy in, mở nắp, rút tờ giấy kẹt theo chiều giấy chạy, đóng nắp, bật lại.',
      'Turn the printer off, open the cover, pull the jammed sheet out along the paper path, close, turn on.',
    ),
  },
  'door-open': {
    severity: 'fail',
    text: t('Nắp máy in đang mở.', 'A printer door or cover is open.'),
    fix: t('Đóng chặt các nắp của máy in.', 'Close every door and cover firmly.'),
  },
  'output-full': {
    severity: 'warn',
    text: t('Khay giấy ra đầy.', 'The output tray is full.'),
    fix: t('Lấy giấy ở khay ra.', 'Empty the output tray.'),
  },
  'stuck-jobs': {
    severity: 'warn',
    text: t('Có lệnh in bị kẹt trong hàng đợi.', 'Jobs are stuck in the queue.'),
    fix: t(
      'Xoá hàng đợi (Xã Số làm được, cần xác nhận), rồi in lại.',
      'Clear the queue (Xã Số can, with your confirmation), then print again.',
    ),
  },
  'port-unreachable': {
    severity: 'fail',
    text: t(
      'Không liên lạc được máy in qua mạng ở địa chỉ đã cài (có thể máy in đã đổi IP do DHCP).',
      'The printer does not answer at its configured address (its IP may have changed by DHCP).',
    ),
    fix: t(
      'Quét mạng LAN để tìm máy in, rồi sửa cổng (port) sang IP mới; nên đặt IP tĩnh hoặc giữ chỗ DHCP cho máy in.',
      'Scan the LAN to find the printer, then change the port to its new IP; give the printer a static IP or a DHCP reservation.',
    ),
  },
  'driver-missing': {
    severity: 'fail',
    text: t('Thiếu trình điều khiển (driver) máy in.', 'The printer driver is missing.'),
    fix: t(
      'Cài driver đúng mẫu máy từ trang của hãng (hoặc dùng driver IPP/"Microsoft IPP Class Driver").',
      'Install the driver for the model from the vendor (or the IPP class driver).',
    ),
  },
  'spooler-stopped': {
    severity: 'fail',
    text: t('Dịch vụ in (Print Spooler) không chạy.', 'The print spooler service is not running.'),
    fix: t(
      'Khởi động lại dịch vụ in (Xã Số làm được, cần xác nhận và quyền quản trị).',
      'Restart the spooler (Xã Số can, with confirmation and admin rights).',
    ),
  },
  error: {
    severity: 'fail',
    text: t('Máy in báo lỗi.', 'The printer reports an error.'),
    fix: t(
      'Xem màn hình của máy in; tắt và bật lại máy in.',
      'Read the printer panel; turn it off and on.',
    ),
  },
};

/** The explained fault for `code`. */
export function fault(code: FaultCode): PrinterFault {
  return { code, ...FAULTS[code] };
}

const REASON_CODES: readonly (readonly [RegExp, FaultCode])[] = [
  [/^(toner|marker-supply)-empty$/, 'toner-empty'],
  [/^(toner|marker-supply)-low$/, 'toner-low'],
  [/^media-(empty|needed)$/, 'media-empty'],
  [/^media-jam$/, 'media-jam'],
  [/^(door|cover|interlock)-open$/, 'door-open'],
  [/^output-area-full$/, 'output-full'],
  [/^(offline|shutdown|connecting-to-device)$/, 'offline'],
  [/^paused$/, 'paused'],
];

/** Faults for IPP `printer-state-reasons` keywords (suffixes -report/-warning/-error ignored). */
export function faultsFromReasons(reasons: readonly string[]): PrinterFault[] {
  const codes = new Set<FaultCode>();
  for (const reason of reasons) {
    const base = reason.replace(/-(report|warning|error)$/, '');
    const hit = REASON_CODES.find(([pattern]) => pattern.test(base));
    if (hit !== undefined) codes.add(hit[1]);
  }
  return [...codes].map(fault);
}

/** Prefix of a failed list's reason when the spooler itself is down (CUPS or Windows). */
export const SPOOLER_STOPPED = 'spooler-stopped: ';

/** True when a failed list means "the print spooler is not running" (explained with its fix). */
export function isSpoolerStopped(reason: string): boolean {
  return reason.startsWith(SPOOLER_STOPPED);
}
