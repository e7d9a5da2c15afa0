/**
 * A template of the office's security regulation (Quy chế bảo đảm an ninh mạng; under the old
 * rules "an toàn thông tin") to adapt: its articles follow the baseline groups of
 * shared/DOMAIN.md §5, with the thresholds of the chosen regime and blanks (……) where only the
 * office can decide. Under the new rules the regulation must be issued before the dossier is
 * approved (NĐ 331/2026 Đ30.7, [UNCONFIRMED]).
 */
import type { Regime } from './types.js';

/** One article: its title and its clauses. */
export type Article = Readonly<{ title: string; clauses: readonly string[] }>;

/** One chapter of the regulation. */
export type Chapter = Readonly<{ title: string; articles: readonly Article[] }>;

/** The name of the regulation under each regime. */
export function regulationName(regime: Regime): string {
  return regime === 'new' ? 'Quy chế bảo đảm an ninh mạng' : 'Quy chế bảo đảm an toàn thông tin';
}

/** The template's chapters for one office. */
export function regulationTemplate(regime: Regime, office: string): readonly Chapter[] {
  const lock =
    regime === 'new'
      ? 'Máy tính tự khoá màn hình sau không quá 15 phút không dùng; phiên quản trị không quá 5 phút.'
      : 'Máy tính tự khoá màn hình sau …… phút không dùng.';
  const passwords =
    regime === 'new'
      ? 'Mật khẩu dài ít nhất 8 ký tự khi có xác thực nhiều lớp, nếu không ít nhất 14 ký tự; mật khẩu quản trị đổi 2 tháng một lần.'
      : 'Mật khẩu dài ít nhất …… ký tự, đổi …… tháng một lần.';
  const inactive =
    regime === 'new'
      ? 'Tài khoản không dùng quá 45 ngày bị khoá.'
      : 'Tài khoản của người nghỉ việc, chuyển công tác bị khoá trong …… ngày.';
  const logs =
    regime === 'new'
      ? 'Nhật ký hệ thống được thu tập trung, lưu ít nhất 1 tháng và xem lại ít nhất mỗi năm một lần.'
      : 'Nhật ký hệ thống được lưu …… tháng và xem lại …… một lần.';
  return [
    {
      title: 'Chương I. QUY ĐỊNH CHUNG',
      articles: [
        {
          title: 'Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng',
          clauses: [
            `Quy chế này quy định việc bảo đảm an toàn cho mạng nội bộ, máy tính và thiết bị của ${office}.`,
            'Áp dụng với cán bộ, công chức, người lao động và người được giao sử dụng thiết bị của cơ quan.',
          ],
        },
        {
          title: 'Điều 2. Trách nhiệm',
          clauses: [
            'Thủ trưởng cơ quan chịu trách nhiệm chung; giao ông/bà …… làm đầu mối an toàn thông tin.',
            'Người sử dụng chịu trách nhiệm về thiết bị và tài khoản được giao.',
          ],
        },
      ],
    },
    {
      title: 'Chương II. QUY ĐỊNH CỤ THỂ',
      articles: [
        {
          title: 'Điều 3. Quản lý tài sản',
          clauses: [
            'Đầu mối lập và cập nhật danh mục phần cứng (địa chỉ IP, MAC, vị trí, người dùng, hạn hỗ trợ) và phần mềm ít nhất mỗi năm một lần.',
            'Chỉ cài phần mềm trong danh sách được phép; xoá sạch dữ liệu trước khi chuyển giao hoặc thanh lý thiết bị.',
          ],
        },
        {
          title: 'Điều 4. Cấu hình máy tính',
          clauses: [
            'Tường lửa trên máy luôn bật; tắt các dịch vụ không dùng (Remote Desktop, chia sẻ tệp).',
            lock,
            'Tắt tự chạy (autorun) của USB; thiết bị nhớ ngoài được quét virus trước khi mở.',
          ],
        },
        {
          title: 'Điều 5. Tài khoản và mật khẩu',
          clauses: [
            'Tài khoản quản trị tách riêng tài khoản dùng hằng ngày.',
            passwords,
            inactive,
            'Truy cập từ xa và tài khoản quản trị dùng xác thực nhiều lớp.',
          ],
        },
        {
          title: 'Điều 6. Cập nhật, phòng chống mã độc',
          clauses: [
            'Máy người dùng được cập nhật bản vá hằng tháng; máy hết hỗ trợ được nâng cấp hoặc thay theo kế hoạch.',
            'Phần mềm phòng chống mã độc bật thường xuyên, bảo vệ thời gian thực, tự cập nhật.',
            'Chỉ dùng trình duyệt còn được hỗ trợ, tự cập nhật.',
          ],
        },
        {
          title: 'Điều 7. Nhật ký và thời gian',
          clauses: [logs, 'Đồng hồ các máy được đồng bộ với máy chủ thời gian (NTP) ……'],
        },
        {
          title: 'Điều 8. Sao lưu',
          clauses: [
            'Dữ liệu quan trọng (……) được sao lưu tự động …… một lần, có bản lưu tách riêng, giữ nhiều phiên bản; thử khôi phục ít nhất mỗi năm một lần.',
          ],
        },
        {
          title: 'Điều 9. Mạng',
          clauses: [
            'Sơ đồ mạng được cập nhật hằng năm; Wi-Fi cho khách tách khỏi mạng nội bộ.',
            'Truy cập từ xa chỉ qua VPN có xác thực bổ sung.',
          ],
        },
        {
          title: 'Điều 10. Tập huấn và xử lý sự cố',
          clauses: [
            'Cán bộ được tập huấn nhận thức an toàn thông tin ít nhất mỗi năm một lần.',
            'Khi có sự cố, người phát hiện báo ngay cho đầu mối (điện thoại ……); đầu mối báo Sở Khoa học và Công nghệ (……) và công an tỉnh (……).',
            'Danh sách nhà cung cấp dịch vụ, thiết bị: ……',
          ],
        },
      ],
    },
    {
      title: 'Chương III. TỔ CHỨC THỰC HIỆN',
      articles: [
        {
          title: 'Điều 11. Hiệu lực',
          clauses: [
            'Quy chế có hiệu lực từ ngày ký. Trong quá trình thực hiện, nếu có vướng mắc, báo cáo Thủ trưởng cơ quan để sửa đổi, bổ sung.',
          ],
        },
      ],
    },
  ];
}
