import type { CheckStatus } from '../../diagnostics/types.js';
import type { Lang } from '../service/define.js';

/**
 * A check's status in the terminal: symbol + word (never colour alone), the same words as the
 * UI's status badges.
 */
export const STATUS_WORDS: Readonly<Record<CheckStatus, Readonly<Record<Lang, string>>>> = {
  ok: { vi: '✔ đạt', en: '✔ ok' },
  warn: { vi: '⚠ cảnh báo', en: '⚠ warning' },
  fail: { vi: '✖ lỗi', en: '✖ problem' },
  unknown: { vi: '? chưa rõ', en: '? unknown' },
};
