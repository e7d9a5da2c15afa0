/**
 * Readable text of a machine snapshot for `xaso diagnose` (Vietnamese first): one cause, one
 * finding, counted as the app counts (`diagnostics/findings.ts`), in the one vocabulary.
 */
import { classifyCheck, findingsOf, tallyChecks } from '../../../diagnostics/findings.js';
import type { Area, CheckResult, MachineSnapshot } from '../../../diagnostics/types.js';
import type { Lang } from '../../service/define.js';
import { AREA_TERMS, NAME_TERMS } from '../../service/vocabulary.js';
import { AFFECTED_WORDS, classWord, STATUS_WORDS } from '../status-words.js';

/** The verdict line: ready, or how many problems; affected, unknown and not applicable apart. */
export function verdictLine(snapshot: MachineSnapshot, lang: Lang): string {
  const n = tallyChecks(snapshot.checks);
  const apart = [
    n.affected > 0 ? `${n.affected} ${classWord('affected', lang)}` : '',
    n.unknown > 0 ? `${n.unknown} ${classWord('unknown', lang)}` : '',
    n.notApplicable > 0 ? `${n.notApplicable} ${classWord('not-applicable', lang)}` : '',
  ].filter((x) => x !== '');
  const tail = apart.length > 0 ? `; ${apart.join(', ')}` : '';
  if (n.problems === 0)
    return lang === 'vi'
      ? `Máy này sẵn sàng: không có vấn đề nào${tail}.`
      : `This PC is ready: no problems${tail}.`;
  if (lang === 'vi')
    return `${n.problems} vấn đề cần xử lý (${n.fail} lỗi, ${n.warn} cảnh báo)${tail}.`;
  const noun = n.problems === 1 ? 'problem' : 'problems';
  return `${n.problems} ${noun} to fix (${n.fail} failing, ${n.warn} ${n.warn === 1 ? 'warning' : 'warnings'})${tail}.`;
}

/** A progress line for stderr. */
export function progressLine(percent: number | undefined, label: string): string {
  return `[${String(percent ?? 0).padStart(3)}%] ${label}`;
}

function checkLines(check: CheckResult, lang: Lang, width: number, indent = '  '): string[] {
  const word =
    classifyCheck(check) === 'affected' ? AFFECTED_WORDS[lang] : STATUS_WORDS[check.status][lang];
  const lines = [`${indent}${word.padEnd(width)}  ${check.title[lang]} — ${check.detail[lang]}`];
  if (check.fix && classifyCheck(check) === 'problem')
    lines.push(`${indent}${' '.repeat(width)}  → ${NAME_TERMS.fix[lang]}: ${check.fix.text[lang]}`);
  return lines;
}

/**
 * The whole report: header, verdict, the problems by area with the checks they block under
 * them, then one line each for what could not be checked, does not apply, and passed
 * (`verbose` lists those too).
 */
export function formatSnapshot(snapshot: MachineSnapshot, lang: Lang, verbose = false): string[] {
  const m = snapshot.machine;
  const width = Math.max(
    AFFECTED_WORDS[lang].length,
    ...Object.values(STATUS_WORDS).map((w) => w[lang].length),
  );
  const lines = [
    `${m.hostname}${m.assetTag ? ` [${m.assetTag}]` : ''} — ${snapshot.osName}`,
    `${lang === 'vi' ? 'Mã máy' : 'Machine id'}: ${m.fingerprint}${m.manufacturer ? ` · ${m.manufacturer} ${m.model ?? ''}`.trimEnd() : ''} · ${(snapshot.durationMs / 1000).toFixed(1)} s`,
    '',
    verdictLine(snapshot, lang),
  ];
  const findings = findingsOf(snapshot.checks);
  for (const area of Object.keys(AREA_TERMS) as Area[]) {
    const here = findings.filter((f) => f.check.area === area);
    if (here.length === 0) continue;
    lines.push('', `${AREA_TERMS[area][lang]}:`);
    for (const f of here) {
      lines.push(...checkLines(f.check, lang, width));
      for (const a of f.affected) lines.push(...checkLines(a, lang, width, '      '));
    }
  }
  for (const kind of ['unknown', 'not-applicable', 'ok'] as const) {
    const list = snapshot.checks.filter((c) => classifyCheck(c) === kind);
    if (list.length === 0) continue;
    const head = `${classWord(kind, lang).replace(/^./, (c) => c.toUpperCase())} (${list.length})`;
    if (!verbose) {
      lines.push('', `${head}: ${list.map((c) => c.title[lang]).join('; ')}.`);
      continue;
    }
    lines.push('', `${head}:`);
    for (const c of list) lines.push(...checkLines(c, lang, width));
  }
  return lines;
}
