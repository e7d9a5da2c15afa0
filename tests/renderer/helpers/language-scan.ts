/**
 * Scans rendered text for the other language and for raw ids: what a Vietnamese (or English)
 * user must never read outside the folded "Chi tiết kỹ thuật" / "Technical details".
 */

/** Proper names that are the same in both languages (products, portals, bodies, places). */
export const PROPER_NAMES: readonly string[] = [
  'Windows',
  'Microsoft',
  'Defender',
  'PowerShell',
  'VNeID',
  'SmartCA',
  'VNPT',
  'Viettel',
  'BKAV',
  'CMC',
  'VGCA',
  'Sign Service',
  'Plugin',
  'SafeNet Authentication Client',
  'Google Chrome',
  'Microsoft Edge',
  'Mozilla Firefox',
  'Cốc Cốc',
  'Office',
  'LTSC Professional Plus',
  'Unikey',
  'UniKey',
  'EVKey',
  'Times New Roman',
  'Bkav Pro',
  'Feitian',
  'Usbccid Smartcard Reader',
  'WUDF',
  'Certification Authority',
  'Intel',
  'Core',
  'CPU',
  'Pro',
  'Get-HotFix',
  'Check for updates',
  'Settings',
];

/** English words that never belong in Vietnamese prose. */
const ENGLISH =
  /(?<![\p{L}\p{M}])(the|not|no|failed|cannot|could|found|exposed|listed|error|unknown|health|sensor|answer|check|with|from|is|are|of|and|to)(?![\p{L}\p{M}])/iu;
/** Vietnamese words that never belong in English prose. */
const VIETNAMESE =
  /(^|[\s(])(không|của|và|được|máy|chưa|đang|kiểm tra|lỗi|vấn đề|cảnh báo)(?=[\s,.):]|$)/i;
/** Raw ids: check ids, fix ids, camelCase value keys, resolver codes. */
const RAW_IDS = [
  /\b(?:hardware|os|software|signature|network|printers)\.[a-z][\w.:-]*/,
  /\bfix-[a-z-]+\b/,
  /\b[a-z]+[A-Z][A-Za-z]+\b/,
  /\bE[A-Z_]{4,}\b/,
  /\bgetaddrinfo\b/,
];

/** Proper names out, and what Windows itself wrote (quoted «…», in the PC's own language). */
function withoutNames(text: string): string {
  const unquoted = text.replace(/«[^»]*»/g, ' ');
  return PROPER_NAMES.reduce((t, name) => t.split(name).join(' '), unquoted);
}

/** The problems in one piece of text shown to a user of `lang`. */
export function languageProblems(text: string, lang: 'vi' | 'en'): string[] {
  const clean = withoutNames(text);
  const problems: string[] = [];
  const other = lang === 'vi' ? ENGLISH.exec(clean) : VIETNAMESE.exec(clean);
  if (other) problems.push(`${lang === 'vi' ? 'English' : 'Vietnamese'} "${other[0].trim()}"`);
  for (const re of RAW_IDS) {
    const m = re.exec(clean);
    if (m) problems.push(`raw id "${m[0]}"`);
  }
  return problems;
}

/**
 * The visible text of `root` element by element (leaf blocks), leaving out the technical
 * details, which may hold low-level codes.
 */
export function visibleTexts(root: Element): string[] {
  const clone = root.cloneNode(true) as Element;
  clone.querySelectorAll('[data-testid="technical-details"], script, style').forEach((e) => {
    e.remove();
  });
  const out: string[] = [];
  clone
    .querySelectorAll('p, li, h1, h2, h3, summary, span, strong, label, button, th, td, dd, dt, a')
    .forEach((e) => {
      const own = [...e.childNodes]
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent ?? '')
        .join(' ')
        .trim();
      if (own !== '') out.push(own);
    });
  return out;
}
