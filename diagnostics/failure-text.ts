/**
 * Plain words for why a check could not be made. Probes fail with short technical reasons
 * ("failed: timeout: no answer within 8 s", "PowerShell (cpu): …"), kept as `reason` for
 * developers and captures; people read this text instead, in Vietnamese or English. Messages
 * that Windows itself wrote (in the PC's own language) are quoted, never translated.
 */
import type { LocalText } from './types.js';

type Rule = Readonly<{ pattern: RegExp; text: (m: RegExpExecArray) => LocalText }>;

const RULES: readonly Rule[] = [
  {
    pattern: /(?:^|: )aborted$/,
    text: () => ({
      vi: 'Đã huỷ trước khi kiểm tra xong.',
      en: 'Cancelled before the check finished.',
    }),
  },
  {
    pattern: /PowerShell did not start within (\d+) s/,
    text: (m) => ({
      vi: `PowerShell không khởi động được trong ${m[1]} giây (máy đang bận, hoặc phần mềm diệt virus đang chặn). Đợi máy rảnh rồi bấm Kiểm tra lại.`,
      en: `PowerShell did not start within ${m[1]} s (the PC is busy, or antivirus is holding it). Wait, then check again.`,
    }),
  },
  {
    pattern: /timeout: no answer within (\d+) s/,
    text: (m) => ({
      vi: `Windows không trả lời mục này trong ${m[1]} giây (máy bận hoặc đang quét virus); các mục khác vẫn được kiểm. Bấm Kiểm tra lại.`,
      en: `Windows did not answer this within ${m[1]} s (busy, or antivirus scanning); the other checks went on. Check again.`,
    }),
  },
  {
    pattern: /larger than (\d+) MiB and was cut/,
    text: (m) => ({
      vi: `Windows trả về quá nhiều dữ liệu cho mục này (hơn ${m[1]} MB) nên không đọc được.`,
      en: `Windows returned too much data for this (over ${m[1]} MB) to read.`,
    }),
  },
  {
    pattern: /PowerShell \([\w-]+\): (.+)$/s,
    text: (m) => ({
      vi: `Windows báo lỗi khi đọc mục này: «${m[1]}».`,
      en: `Windows reported an error reading this: "${m[1]}".`,
    }),
  },
  {
    pattern: /CommandNotFoundError: (\S+?): not found or not executable/,
    text: (m) => ({
      vi: `Không chạy được chương trình ${m[1]} (thiếu, hoặc bị chính sách AppLocker chặn).`,
      en: `Could not run ${m[1]} (missing, or blocked by an AppLocker policy).`,
    }),
  },
  {
    pattern: /PowerShell exited with (-?\d+|null): (.*)$/s,
    text: (m) => ({
      vi: `PowerShell dừng với mã ${m[1]}${m[2] === '' ? '' : `: «${m[2]}»`}.`,
      en: `PowerShell stopped with code ${m[1]}${m[2] === '' ? '' : `: "${m[2]}"`}.`,
    }),
  },
];

/** Reasons that are not Windows' own words: what the probes themselves say, in plain words. */
const PLAIN: readonly Rule[] = [
  {
    pattern: /^not applicable/,
    text: () => ({
      vi: 'Không áp dụng trên hệ điều hành này.',
      en: 'Does not apply on this operating system.',
    }),
  },
  {
    pattern: /time server.*(?:ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)/,
    text: () => ({
      vi: 'Không liên lạc được máy chủ thời gian (máy chưa vào được Internet, hoặc DNS lỗi), nên chưa so được đồng hồ. Kiểm tra mạng rồi bấm Kiểm tra lại.',
      en: 'Could not reach the time server (no internet, or DNS fails), so the clock was not compared. Check the network, then check again.',
    }),
  },
  {
    pattern: /ENOTFOUND|EAI_AGAIN/,
    text: () => ({
      vi: 'Không tìm thấy máy chủ (máy chưa vào được Internet, hoặc DNS lỗi).',
      en: 'The server was not found (no internet, or DNS fails).',
    }),
  },
  {
    pattern: /ETIMEDOUT|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH/,
    text: () => ({
      vi: 'Máy chủ không trả lời (mạng chặn, hoặc máy chưa vào được Internet).',
      en: 'The server did not answer (blocked, or no internet).',
    }),
  },
  {
    pattern: /no temperature sensor/,
    text: () => ({
      vi: 'Máy này không cho đọc cảm biến nhiệt độ (thường gặp ở máy bàn và máy ảo).',
      en: 'This PC exposes no temperature sensor (common on desktops and virtual machines).',
    }),
  },
  {
    pattern: /no physical disk listed/,
    text: () => ({
      vi: 'Hệ điều hành không liệt kê ổ cứng nào (có thể cần quyền quản trị, hoặc đây là máy ảo).',
      en: 'The operating system lists no physical disk (administrator rights may be needed, or this is a virtual machine).',
    }),
  },
  {
    pattern: /health not exposed/,
    text: () => ({
      vi: 'Hệ điều hành không cho biết tình trạng ổ cứng (cần công cụ S.M.A.R.T. và quyền quản trị).',
      en: 'The operating system does not report the disk health (S.M.A.R.T. tools and administrator rights are needed).',
    }),
  },
];

/**
 * The people's text for `reason`; anything unknown reads "could not check", and the raw reason
 * stays on the check (`reason`) for the folded technical details.
 */
export function describeFailure(reason: string): LocalText {
  for (const rule of [...RULES, ...PLAIN]) {
    const match = rule.pattern.exec(reason);
    if (match !== null) return rule.text(match);
  }
  return {
    vi: 'Không kiểm tra được mục này (lý do ở phần Chi tiết kỹ thuật).',
    en: 'Could not check this (the reason is under Technical details).',
  };
}
