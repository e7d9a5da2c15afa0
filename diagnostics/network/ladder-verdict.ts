/**
 * The one-line verdict of the ladder, said first in the UI and the CLI.
 */
import type { LocalText } from '../types.js';
import type { Rung } from './types.js';

const t = (vi: string, en: string): LocalText => ({ vi, en });

/**
 * Verdict for the lowest rung that is not ok (`undefined` = every rung ok). `clockOffset` ("nhanh
 * 730 ngày") is set when a site shows this PC's clock is wrong: that is then the verdict.
 */
export function verdictOf(
  breaking: Rung | undefined,
  captive: boolean,
  clockOffset?: LocalText,
): LocalText {
  if (clockOffset !== undefined && (breaking === undefined || breaking.id === 'endpoints'))
    return t(
      `Đồng hồ máy tính sai (${clockOffset.vi}): chỉnh ngày giờ (bật "Đặt giờ tự động") rồi kiểm tra lại.`,
      `This PC's clock is wrong (${clockOffset.en}): fix the date and time ("Set time automatically"), then check again.`,
    );
  if (breaking === undefined)
    return t(
      'Mạng tốt: ra Internet và vào được các trang dịch vụ công.',
      'The network is fine: internet and the public-service sites are reachable.',
    );
  if (captive)
    return t(
      'Mạng cần đăng nhập (captive portal) trước khi dùng Internet.',
      'The network needs a sign-in (captive portal) before the internet works.',
    );
  const warn = breaking.status === 'warn';
  switch (breaking.id) {
    case 'link':
      return warn
        ? t(
            'Có mạng, nhưng sóng Wi-Fi yếu: mạng có thể chậm hoặc chập chờn.',
            'Connected, but the Wi-Fi signal is weak: the network may be slow or drop.',
          )
        : t('Hỏng ở bước 1: máy chưa kết nối mạng.', 'Breaks at step 1: this PC is not connected.');
    case 'gateway':
      return t(
        'Hỏng ở bước 2: không tới được bộ định tuyến (gateway).',
        'Breaks at step 2: the router (gateway) cannot be reached.',
      );
    case 'dns':
      if (warn)
        return t(
          'DNS của máy cần chú ý: có tên không phân giải được (xem bước 3).',
          "This PC's DNS needs attention: some names do not resolve (see step 3).",
        );
      return t(
        'Hỏng ở bước 3: DNS không phân giải được tên miền.',
        'Breaks at step 3: DNS does not resolve names.',
      );
    case 'internet':
      return warn
        ? t(
            'Internet đi qua proxy: kiểm tra trong trình duyệt.',
            'The internet goes through a proxy: check in a browser.',
          )
        : t(
            'Hỏng ở bước 4: bộ định tuyến không ra được Internet.',
            'Breaks at step 4: the router does not reach the internet.',
          );
    case 'endpoints':
      return warn
        ? t(
            'Internet tốt; có trang dịch vụ công chậm hoặc cần chú ý.',
            'The internet works; some public-service sites are slow or need attention.',
          )
        : t(
            'Internet tốt, nhưng có trang dịch vụ công không vào được (xem từng trang).',
            'The internet works, but some public-service sites cannot be reached (see each one).',
          );
    default:
      return t('Chưa rõ.', 'Unknown.');
  }
}
