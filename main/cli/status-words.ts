import type { CheckClass } from '../../diagnostics/findings.js';
import type { CheckStatus } from '../../diagnostics/types.js';
import type { Lang } from '../service/define.js';
import { CLASS_TERMS, STATUS_TERMS } from '../service/vocabulary.js';

const SYMBOLS: Readonly<Record<CheckStatus, string>> = {
  ok: '✔',
  warn: '⚠',
  fail: '✖',
  unknown: '?',
};

function words(status: CheckStatus): Readonly<Record<Lang, string>> {
  const w = STATUS_TERMS[status];
  return {
    vi: `${SYMBOLS[status]} ${w.vi.toLowerCase()}`,
    en: `${SYMBOLS[status]} ${w.en.toLowerCase()}`,
  };
}

/**
 * A check's status in the terminal: symbol + word (never colour alone), the words of the one
 * vocabulary (main/service/vocabulary.ts) that the UI's status badges show.
 */
export const STATUS_WORDS: Readonly<Record<CheckStatus, Readonly<Record<Lang, string>>>> = {
  ok: words('ok'),
  warn: words('warn'),
  fail: words('fail'),
  unknown: words('unknown'),
};

/** The word of a check that another one blocks ("↳ bị ảnh hưởng"). */
export const AFFECTED_WORDS: Readonly<Record<Lang, string>> = {
  vi: `↳ ${CLASS_TERMS.affected.vi.toLowerCase()}`,
  en: `↳ ${CLASS_TERMS.affected.en.toLowerCase()}`,
};

/** A class word, lower case, for counts ("3 không áp dụng"). */
export function classWord(kind: CheckClass, lang: Lang): string {
  return CLASS_TERMS[kind][lang].toLowerCase();
}
