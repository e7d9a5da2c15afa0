/**
 * Data check of every shipped checklist: one Vietnamese wording across the app, Windows menu
 * paths in Vietnamese (English in brackets), "Nguồn" citing public sources (never our files),
 * and no PIN-try count quoted from a reseller.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseChecklistText } from '../../../../main/service/checklists/parse-file.js';
import type { Checklist } from '../../../../main/service/checklists/schema.js';
import { BUILTIN_DIR } from './setup.js';

// Every checklist, the security baseline (issue 15) included.
const OWNED_ELSEWHERE = new Set<string>([]);
const files = (await readdir(BUILTIN_DIR)).filter((f) => /\.(ya?ml|json)$/.test(f) && !OWNED_ELSEWHERE.has(f));

/** Banned variant → the one word the app uses. */
const BANNED: readonly (readonly [RegExp, string])[] = [
  [/chưa đạt/i, 'Không đạt'],
  [/cách sửa/i, 'Cách khắc phục'],
  [/chứng thư số|chứng chỉ số/i, 'chứng thư chữ ký số'],
  [/người giám sát|giáo viên hướng dẫn|giảng viên hướng dẫn/i, 'người hướng dẫn'],
  [/\bbỏ qua bước\b/i, 'Không áp dụng (a hidden step) — "Bỏ qua" is only the override of a check'],
];

/** English Windows menu words that must not stand alone in Vietnamese text. */
const MENU_WORDS = /\b(Settings|Control Panel|Printers & scanners|Bluetooth & devices|Time & language|Storage|Sharing|Print Spooler|Run as administrator|Disk Cleanup|Temporary files|Open print queue)\b/;

function viTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) viTexts(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'vi' && typeof v === 'string') out.push(v);
      else if (key !== 'sources') viTexts(v, out);
    }
  }
  return out;
}

/** The text with bracketed parts removed (nested once is enough for our strings). */
function outsideBrackets(text: string): string {
  return text.replace(/\([^()]*(\([^()]*\)[^()]*)*\)/g, '');
}

const parsed: [string, Checklist][] = await Promise.all(
  files.map(async (name): Promise<[string, Checklist]> => {
    const result = parseChecklistText(name, await readFile(join(BUILTIN_DIR, name), 'utf8'));
    if (!result.ok) throw new Error(`${name} does not validate`);
    return [name, result.checklist];
  }),
);

describe.each(parsed)('%s', (_name, checklist) => {
  const texts = viTexts(checklist);

  it('uses the one Vietnamese wording', () => {
    for (const text of texts)
      for (const [pattern, word] of BANNED) expect(text, `use "${word}"`).not.toMatch(pattern);
  });

  it('writes Windows menu paths in Vietnamese, with the English in brackets', () => {
    for (const text of texts) expect(outsideBrackets(text)).not.toMatch(MENU_WORDS);
  });

  it('cites public sources, never a file of ours', () => {
    for (const source of checklist.sources) {
      expect(source.label).not.toMatch(/DOMAIN\.md|PEERS\.md|shared\//);
      expect(source.url).toMatch(/^https?:\/\/(?!localhost|127\.)/);
    }
  });

  it('never quotes a count of PIN tries above 3', () => {
    for (const text of texts) expect(text).not.toMatch(/\b([4-9]|1\d) lần (sai|thử)|sai PIN [4-9] lần|khoá sau [4-9]/i);
  });
});

describe('the wording data check', () => {
  it('catches what it bans (so a pass means something)', () => {
    expect('Bước này Chưa đạt').toMatch(BANNED[0]![0]);
    expect(outsideBrackets('Cài đặt (Settings) → Lưu trữ (Storage)')).not.toMatch(MENU_WORDS);
    expect(outsideBrackets('Settings → Storage')).toMatch(MENU_WORDS);
  });
});
