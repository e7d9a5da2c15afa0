/**
 * The baseline requirements of a level 1–2 system, as shared/DOMAIN.md §5 lists them (the
 * candidate checklist paraphrased from TCVN 14423:2026 §3/§4, [UNCONFIRMED]), with how each is
 * judged from the visit and what the office must still write. Under the old regime (TCVN
 * 11930:2017) the same groups apply; thresholds the sources give only for the new rules (15-minute
 * screen lock, 45 days, passwords ≥8/≥14, logs ≥1 month) are not applied to it.
 */
import type { LocalText } from '../define.js';
import {
  byAnswer,
  byCheck,
  diagramDrafted,
  firstOf,
  inventoryComplete,
  osSupported,
  portClosed,
  type Judge,
} from './evidence.js';
import type { Regime } from './types.js';

type ByRegime = LocalText | Readonly<Record<Regime, LocalText>>;

/** One requirement of the plan. */
export type Requirement = Readonly<{
  id: string;
  group: LocalText;
  title: ByRegime;
  /** Regimes it applies to (both unless said). */
  regimes?: readonly Regime[];
  judge: Judge;
  /** What to do when it is not met. */
  fix: LocalText;
  /** What the office must still write or decide, whatever was measured. */
  remains: LocalText;
  /** The risk when it is not met. */
  risk: Readonly<{ title: LocalText; severity: 'high' | 'medium' }>;
}>;

/** The text for one regime. */
export function forRegime(text: ByRegime, regime: Regime): LocalText {
  return 'vi' in text ? text : text[regime];
}

const g = {
  assets: { vi: 'Quản lý tài sản', en: 'Asset management' },
  config: { vi: 'Cấu hình an toàn', en: 'Secure configuration' },
  accounts: { vi: 'Tài khoản và xác thực', en: 'Accounts and authentication' },
  patches: { vi: 'Lỗ hổng và cập nhật', en: 'Vulnerabilities and updates' },
  logs: { vi: 'Nhật ký và đồng bộ thời gian', en: 'Logging and time sync' },
  browser: { vi: 'Trình duyệt và thư điện tử', en: 'Browser and e-mail' },
  malware: { vi: 'Phòng chống mã độc', en: 'Anti-malware' },
  backup: { vi: 'Sao lưu', en: 'Backup' },
  network: { vi: 'Mạng', en: 'Network' },
  people: { vi: 'Con người và quy trình', en: 'People and process' },
} as const;

const t = (vi: string, en: string): LocalText => ({ vi, en });

/** Every requirement, in plan order. */
export const REQUIREMENTS: readonly Requirement[] = [
  {
    id: 'inventory',
    group: g.assets,
    title: t(
      'Danh mục phần cứng (IP, MAC, vị trí, người dùng, hạn hỗ trợ) và phần mềm',
      'Hardware (IP, MAC, location, owner, support end) and software inventory',
    ),
    judge: inventoryComplete,
    fix: t(
      'Xác định từng thiết bị chưa rõ (nhãn trên máy, hỏi người dùng), ghi vào danh mục.',
      'Identify each unknown device (its label, ask its user) and add it to the inventory.',
    ),
    remains: t(
      'Bổ sung vị trí, người dùng, mã tài sản còn trống; ký xác nhận danh mục.',
      'Fill in missing locations, users and asset tags; sign the inventory.',
    ),
    risk: {
      title: t(
        'Thiết bị lạ hoặc chưa xác định trong mạng',
        'Unknown or unidentified devices on the network',
      ),
      severity: 'medium',
    },
  },
  {
    id: 'approved-software',
    group: g.assets,
    title: t(
      'Danh sách phần mềm được phép; gỡ phần mềm không được phép',
      'Approved-software list; unauthorised software removed',
    ),
    judge: byAnswer('approved-software'),
    fix: t(
      'Lập danh sách phần mềm được phép từ danh mục phần mềm (Phần II), gỡ phần còn lại.',
      'Draw up the approved list from the software inventory (Part II) and remove the rest.',
    ),
    remains: t('Ban hành danh sách phần mềm được phép.', 'Issue the approved-software list.'),
    risk: {
      title: t('Chưa có danh sách phần mềm được phép', 'No approved-software list'),
      severity: 'medium',
    },
  },
  {
    id: 'firewall',
    group: g.config,
    title: t('Tường lửa trên máy bật', 'Host firewall on'),
    judge: firstOf(byCheck('software.firewall'), byAnswer('firewall')),
    fix: t(
      'Bật Windows Defender Firewall cho mọi cấu hình mạng.',
      'Turn Windows Defender Firewall on for every network profile.',
    ),
    remains: t(
      'Ghi cấu hình chuẩn (baseline) của máy trạm.',
      'Write down the workstation baseline configuration.',
    ),
    risk: { title: t('Tường lửa trên máy bị tắt', 'Host firewall off'), severity: 'high' },
  },
  {
    id: 'remote-desktop',
    group: g.config,
    title: t(
      'Dịch vụ không dùng đã tắt: Remote Desktop (cổng 3389) không mở cho cả mạng',
      'Unused services off: Remote Desktop (port 3389) not open to the LAN',
    ),
    judge: firstOf(
      portClosed(3389, t('Remote Desktop', 'Remote Desktop')),
      byAnswer('unused-services'),
    ),
    fix: t(
      'Tắt Remote Desktop nếu không dùng; nếu cần, chỉ cho phép qua VPN có xác thực nhiều lớp.',
      'Turn Remote Desktop off when unused; if needed, allow it only through a VPN with MFA.',
    ),
    remains: t(
      'Ghi máy nào cần truy cập từ xa, ai được phép, qua đường nào.',
      'Write which PCs need remote access, who may use it, and how.',
    ),
    risk: {
      title: t(
        'Remote Desktop (3389) mở cho cả mạng nội bộ',
        'Remote Desktop (3389) open to the whole LAN',
      ),
      severity: 'high',
    },
  },
  {
    id: 'file-sharing',
    group: g.config,
    title: t(
      'Chia sẻ tệp (SMB, cổng 445) chỉ mở ở máy cần chia sẻ',
      'File sharing (SMB, port 445) open only where needed',
    ),
    judge: firstOf(
      portClosed(445, t('chia sẻ tệp SMB', 'SMB file sharing')),
      byAnswer('unused-services'),
    ),
    fix: t(
      'Tắt chia sẻ tệp ở máy không cần; thư mục chia sẻ phải có mật khẩu; chặn cổng 445 bằng tường lửa.',
      'Turn file sharing off where not needed; shared folders need a password; block port 445 in the firewall.',
    ),
    remains: t(
      'Ghi các thư mục chia sẻ, máy chứa và người được truy cập.',
      'List the shared folders, the PCs holding them and who may access them.',
    ),
    risk: {
      title: t(
        'Chia sẻ tệp SMB (445) mở cho cả mạng nội bộ',
        'SMB file sharing (445) open to the whole LAN',
      ),
      severity: 'high',
    },
  },
  {
    id: 'screen-lock',
    group: g.config,
    title: {
      old: t(
        'Màn hình tự khoá khi không dùng (thời gian theo quy chế của cơ quan)',
        'Screen locks when idle (timeout per the office regulation)',
      ),
      new: t(
        'Màn hình tự khoá sau ≤15 phút (phiên quản trị ≤5 phút)',
        'Screen locks after ≤15 minutes (admin sessions ≤5)',
      ),
    },
    judge: byAnswer('screen-lock', 'screen-lock-old'),
    fix: t(
      'Đặt khoá màn hình trong Cài đặt → Tài khoản → Tuỳ chọn đăng nhập.',
      'Set the screen lock in Settings → Accounts → Sign-in options.',
    ),
    remains: t(
      'Ghi thời gian khoá màn hình vào quy chế.',
      'Write the screen-lock timeout into the regulation.',
    ),
    risk: { title: t('Màn hình không tự khoá', 'Screen does not lock'), severity: 'medium' },
  },
  {
    id: 'admin-accounts',
    group: g.accounts,
    title: t(
      'Tài khoản quản trị tách riêng tài khoản dùng hằng ngày',
      'Admin accounts separate from everyday accounts',
    ),
    judge: byAnswer('admin-accounts', 'accounts'),
    fix: t(
      'Tạo tài khoản người dùng thường cho công việc hằng ngày; chỉ dùng tài khoản quản trị khi cài đặt.',
      'Create standard accounts for daily work; use the admin account only to install.',
    ),
    remains: t(
      'Lập danh sách tài khoản quản trị và người giữ.',
      'List the admin accounts and who holds them.',
    ),
    risk: {
      title: t('Dùng tài khoản quản trị hằng ngày', 'Admin accounts used for daily work'),
      severity: 'high',
    },
  },
  {
    id: 'inactive-accounts',
    group: g.accounts,
    title: {
      old: t(
        'Tài khoản không còn dùng (người nghỉ, chuyển công tác) bị khoá',
        'Unused accounts (staff who left) disabled',
      ),
      new: t('Tài khoản không dùng quá 45 ngày bị khoá', 'Accounts inactive for 45 days disabled'),
    },
    judge: byAnswer('inactive-accounts'),
    fix: t(
      'Khoá tài khoản của người đã nghỉ hoặc lâu không dùng (máy tính, thư điện tử, phần mềm của tỉnh).',
      'Disable the accounts of staff who left or have not signed in for long (PCs, e-mail, provincial software).',
    ),
    remains: t(
      'Ghi ai rà soát tài khoản và bao lâu một lần.',
      'Write who reviews accounts and how often.',
    ),
    risk: {
      title: t('Tài khoản không dùng vẫn mở', 'Inactive accounts still open'),
      severity: 'medium',
    },
  },
  {
    id: 'mfa',
    group: g.accounts,
    title: t(
      'Xác thực nhiều lớp cho truy cập từ xa và tài khoản quản trị',
      'MFA for remote and admin access',
    ),
    judge: byAnswer('mfa'),
    fix: t(
      'Bật xác thực hai lớp (ứng dụng OTP, token) cho VPN, thư điện tử và tài khoản quản trị.',
      'Turn on two-factor authentication (OTP app, token) for VPN, e-mail and admin accounts.',
    ),
    remains: t('Ghi các hệ thống có xác thực nhiều lớp.', 'List the systems protected by MFA.'),
    risk: {
      title: t(
        'Không có xác thực nhiều lớp cho truy cập từ xa/quản trị',
        'No MFA for remote/admin access',
      ),
      severity: 'high',
    },
  },
  {
    id: 'passwords',
    group: g.accounts,
    regimes: ['new'],
    title: t(
      'Mật khẩu ≥8 ký tự khi có xác thực nhiều lớp, nếu không ≥14 ký tự; mật khẩu quản trị đổi 2 tháng/lần',
      'Passwords ≥8 with MFA, otherwise ≥14; admin passwords changed every 2 months',
    ),
    judge: byAnswer('passwords'),
    fix: t(
      'Đặt chính sách mật khẩu (Local Security Policy) và hướng dẫn cán bộ đổi mật khẩu.',
      'Set the password policy (Local Security Policy) and have staff change passwords.',
    ),
    remains: t(
      'Ghi chính sách mật khẩu vào quy chế.',
      'Write the password policy into the regulation.',
    ),
    risk: { title: t('Mật khẩu yếu', 'Weak passwords'), severity: 'medium' },
  },
  {
    id: 'os-support',
    group: g.patches,
    title: t(
      'Hệ điều hành còn được hỗ trợ (còn bản vá bảo mật)',
      'Operating system still supported (security fixes)',
    ),
    judge: firstOf(osSupported, byAnswer('os-support')),
    fix: t(
      'Nâng cấp lên Windows 11 hoặc mua ESU; lập kế hoạch thay máy không nâng cấp được.',
      'Upgrade to Windows 11 or buy ESU; plan to replace PCs that cannot upgrade.',
    ),
    remains: t(
      'Ghi kế hoạch nâng cấp/thay máy và hạn.',
      'Write the upgrade/replacement plan and dates.',
    ),
    risk: {
      title: t(
        'Windows hết hỗ trợ, không còn bản vá bảo mật',
        'Windows out of support, no security fixes',
      ),
      severity: 'high',
    },
  },
  {
    id: 'updates',
    group: g.patches,
    title: t(
      'Máy người dùng được vá lỗi hằng tháng; quét lỗ hổng hằng năm',
      'User PCs patched monthly; vulnerability scan yearly',
    ),
    judge: firstOf(byCheck('software.updates'), byAnswer('updates')),
    fix: t(
      'Cài hết bản cập nhật (Windows Update) và bật cập nhật tự động.',
      'Install every update (Windows Update) and turn on automatic updates.',
    ),
    remains: t(
      'Ghi người chịu trách nhiệm cập nhật và lịch quét lỗ hổng hằng năm.',
      'Name who updates the PCs and the yearly vulnerability-scan date.',
    ),
    risk: {
      title: t('Máy lâu không được cập nhật', 'PCs not updated for a long time'),
      severity: 'high',
    },
  },
  {
    id: 'time-sync',
    group: g.logs,
    title: t('Đồng hồ máy đồng bộ thời gian (NTP)', 'Clocks synchronised (NTP)'),
    judge: firstOf(byCheck('os.clock'), byAnswer('time-sync')),
    fix: t(
      'Bật "Đặt giờ tự động" và đồng bộ với máy chủ thời gian (time.windows.com hoặc của tỉnh).',
      'Turn on "Set time automatically" and sync with a time server (time.windows.com or the province\'s).',
    ),
    remains: t('Ghi máy chủ thời gian cơ quan dùng.', 'Write which time server the office uses.'),
    risk: {
      title: t(
        'Đồng hồ không đồng bộ (NTP): nhật ký và chữ ký số sai giờ',
        'Clock not synchronised (NTP): logs and signatures carry the wrong time',
      ),
      severity: 'medium',
    },
  },
  {
    id: 'logging',
    group: g.logs,
    title: {
      old: t(
        'Ghi và lưu nhật ký hệ thống, xem lại định kỳ',
        'System logs kept and reviewed periodically',
      ),
      new: t(
        'Nhật ký thu tập trung, lưu ≥1 tháng, xem lại ≥1 lần/năm',
        'Logs collected centrally, kept ≥1 month, reviewed ≥ yearly',
      ),
    },
    judge: byAnswer('logging'),
    fix: t(
      'Bật ghi nhật ký (Event Log) đủ dung lượng; thu về một máy hoặc dịch vụ của tỉnh.',
      "Enable event logging with enough size; collect it on one machine or the province's service.",
    ),
    remains: t(
      'Ghi nơi lưu nhật ký, thời gian lưu, ai xem lại.',
      'Write where logs are kept, for how long, who reviews them.',
    ),
    risk: {
      title: t('Không có nhật ký để điều tra sự cố', 'No logs to investigate incidents'),
      severity: 'medium',
    },
  },
  {
    id: 'browser',
    group: g.browser,
    title: t('Trình duyệt còn hỗ trợ, tự cập nhật', 'Supported, auto-updating browsers'),
    judge: firstOf(byCheck('software.browsers', false), byAnswer('browser-support')),
    fix: t(
      'Gỡ trình duyệt cũ (Internet Explorer); bật cập nhật tự động cho Chrome, Edge, Cốc Cốc, Firefox.',
      'Remove old browsers (Internet Explorer); turn on auto-update for Chrome, Edge, Cốc Cốc, Firefox.',
    ),
    remains: t(
      'Ghi trình duyệt được phép và lọc tên miền độc hại (DNS), lọc thư rác.',
      'Name the approved browsers, malicious-domain (DNS) filtering and spam filtering.',
    ),
    risk: {
      title: t('Trình duyệt cũ, không cập nhật', 'Old, unpatched browsers'),
      severity: 'medium',
    },
  },
  {
    id: 'antivirus',
    group: g.malware,
    title: t(
      'Phòng chống mã độc bật, thời gian thực, tự cập nhật',
      'Anti-malware on, real-time, auto-updating',
    ),
    judge: firstOf(byCheck('software.antivirus'), byAnswer('antivirus')),
    fix: t(
      'Bật Microsoft Defender hoặc phần mềm diệt virus của tỉnh; bật cập nhật tự động.',
      "Turn on Microsoft Defender or the province's antivirus; enable automatic updates.",
    ),
    remains: t(
      'Ghi phần mềm diệt virus dùng chung và người quản lý.',
      'Name the antivirus used and who manages it.',
    ),
    risk: {
      title: t('Diệt virus tắt hoặc mẫu nhận diện cũ', 'Antivirus off or definitions out of date'),
      severity: 'high',
    },
  },
  {
    id: 'autorun',
    group: g.malware,
    title: t(
      'Tắt tự chạy (autorun) của USB; quét virus thiết bị nhớ ngoài',
      'USB autorun off; removable media scanned',
    ),
    judge: byAnswer('autorun'),
    fix: t(
      'Cài đặt → Bluetooth & thiết bị → AutoPlay: tắt; bật quét USB trong phần mềm diệt virus.',
      'Settings → Bluetooth & devices → AutoPlay: off; enable USB scanning in the antivirus.',
    ),
    remains: t('Ghi quy định dùng USB.', 'Write the USB rule.'),
    risk: {
      title: t('USB tự chạy, lây mã độc', 'USB autorun can spread malware'),
      severity: 'medium',
    },
  },
  {
    id: 'backup',
    group: g.backup,
    title: t(
      'Sao lưu tự động, có bản tách riêng (có phiên bản), đã thử khôi phục',
      'Automatic backup, a separate versioned copy, restore tested',
    ),
    judge: byAnswer('backup'),
    fix: t(
      'Sao lưu tự động dữ liệu quan trọng ra ổ ngoài hoặc máy khác, giữ nhiều phiên bản, thử khôi phục.',
      'Back important data up automatically to an external drive or another PC, keep versions, test a restore.',
    ),
    remains: t(
      'Ghi kế hoạch sao lưu: dữ liệu nào, ở đâu, bao lâu một lần, ai chịu trách nhiệm.',
      'Write the backup plan: what, where, how often, who.',
    ),
    risk: {
      title: t(
        'Không có sao lưu: mất dữ liệu khi hỏng máy hoặc bị mã hoá tống tiền',
        'No backup: data lost to a failure or ransomware',
      ),
      severity: 'high',
    },
  },
  {
    id: 'network-diagram',
    group: g.network,
    title: t('Sơ đồ mạng cập nhật hằng năm', 'Network diagram updated yearly'),
    judge: diagramDrafted,
    fix: t(
      'Quét mạng bằng Xã Số và vẽ lại sơ đồ.',
      'Scan the LAN with Xã Số and redraw the diagram.',
    ),
    remains: t(
      'Bổ sung đường truyền, nhà mạng, thiết bị không cắm mạng; ký xác nhận sơ đồ.',
      'Add the Internet line, provider and unplugged devices; sign the diagram.',
    ),
    risk: { title: t('Không có sơ đồ mạng', 'No network diagram'), severity: 'medium' },
  },
  {
    id: 'guest-wifi',
    group: g.network,
    title: t(
      'Wi-Fi cho khách tách khỏi mạng nội bộ',
      'Guest Wi-Fi isolated from the office network',
    ),
    judge: byAnswer('guest-wifi'),
    fix: t(
      'Tạo mạng Wi-Fi khách riêng (guest, cách ly thiết bị) trên bộ phát; đổi mật khẩu Wi-Fi nội bộ.',
      'Create a separate guest Wi-Fi (client isolation) on the router; change the office Wi-Fi password.',
    ),
    remains: t(
      'Ghi tên mạng Wi-Fi nội bộ, Wi-Fi khách và người giữ mật khẩu.',
      'Write the office and guest Wi-Fi names and who holds the passwords.',
    ),
    risk: {
      title: t('Wi-Fi khách dùng chung mạng nội bộ', 'Guest Wi-Fi shares the office network'),
      severity: 'high',
    },
  },
  {
    id: 'training',
    group: g.people,
    title: t(
      'Tập huấn nhận thức an toàn thông tin ≥1 lần/năm',
      'Security awareness training at least yearly',
    ),
    judge: byAnswer('training'),
    fix: t(
      'Tổ chức buổi hướng dẫn ngắn (thư lừa đảo, mật khẩu, USB) cho cán bộ.',
      'Hold a short session for staff (phishing, passwords, USB).',
    ),
    remains: t(
      'Ghi ngày tập huấn và danh sách người dự.',
      'Record the training date and attendees.',
    ),
    risk: {
      title: t('Cán bộ chưa được tập huấn an toàn thông tin', 'Staff not trained in security'),
      severity: 'medium',
    },
  },
  {
    id: 'incident-contacts',
    group: g.people,
    title: t(
      'Đầu mối xử lý sự cố và quy trình báo cáo; danh sách nhà cung cấp',
      'Incident contacts and reporting process; supplier list',
    ),
    judge: byAnswer('incident-contacts'),
    fix: t(
      'Ghi số điện thoại đầu mối của xã, của tỉnh (Sở KH&CN, công an tỉnh) và nhà cung cấp.',
      "Write the phone numbers of the commune's, the province's (Department of S&T, police) and the suppliers' contacts.",
    ),
    remains: t(
      'Ban hành danh sách đầu mối và quy trình báo cáo sự cố.',
      'Issue the contact list and the incident-reporting process.',
    ),
    risk: {
      title: t('Không biết báo sự cố cho ai', 'Nobody knows whom to report an incident to'),
      severity: 'medium',
    },
  },
  {
    id: 'regulation',
    group: g.people,
    title: {
      old: t(
        'Quy chế bảo đảm an toàn thông tin của cơ quan',
        "The office's information-security regulation",
      ),
      new: t(
        'Quy chế bảo đảm an ninh mạng ban hành trước khi phê duyệt hồ sơ (NĐ 331/2026 Đ30.7)',
        'Cybersecurity regulation issued before the dossier is approved (Decree 331/2026 Art. 30.7)',
      ),
    },
    judge: byAnswer('regulation'),
    fix: t(
      'Điều chỉnh mẫu quy chế ở Phụ lục và trình lãnh đạo ký ban hành.',
      'Adapt the regulation template in the Appendix and have the head sign it.',
    ),
    remains: t(
      'Điều chỉnh và ban hành quy chế (mẫu ở Phụ lục).',
      'Adapt and issue the regulation (template in the Appendix).',
    ),
    risk: {
      title: t('Chưa có quy chế bảo đảm an ninh mạng', 'No cybersecurity regulation'),
      severity: 'medium',
    },
  },
];

/** Where the requirements come from, per regime (DOMAIN.md §5). */
export const REQUIREMENT_SOURCE: Readonly<Record<Regime, string>> = {
  old: 'TCVN 11930:2017 (yêu cầu quản lý và kỹ thuật, cấp độ 1–2, §5–§6); TT 12/2022/TT-BTTTT',
  new: 'TCVN 14423:2026 §3–§4 theo bản tóm tắt trong mẫu hồ sơ [CHƯA XÁC NHẬN]; NĐ 331/2026/NĐ-CP',
};
