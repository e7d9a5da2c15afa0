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

/** The people's text for `reason`, or the generic "could not check" with the reason quoted. */
export function describeFailure(reason: string): LocalText {
  for (const rule of RULES) {
    const match = rule.pattern.exec(reason);
    if (match !== null) return rule.text(match);
  }
  return { vi: `Không kiểm tra được (chưa rõ): ${reason}`, en: `Could not check: ${reason}` };
}
