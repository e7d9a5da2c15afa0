/**
 * What every export shows, computed once from a visit: header facts, totals, machines with
 * their findings and changes, lists. Strings are raw here; each format escapes them its own way.
 */
import type { Lang } from '../define.js';
import type { Visit } from '../visits/schema.js';
import { labels, type Labels } from './labels.js';

type Status = 'ok' | 'warn' | 'fail' | 'unknown';

/** One check that is not ok, on one machine. */
export type Finding = Readonly<{
  machine: string;
  checkId: string;
  area: string;
  status: Status;
  title: string;
  detail: string;
  fix: string;
}>;

/** One machine as reports show it. */
export type MachineRow = Readonly<{
  hostname: string;
  fingerprint: string;
  model: string;
  os: string;
  takenAt: string;
  counts: Readonly<Record<Status, number>>;
  verdict: Status;
  findings: readonly Finding[];
  /** Lines like "Ổ đĩa C: Đạt → Lỗi"; empty when nothing changed; undefined for a new machine. */
  changes: readonly string[] | undefined;
}>;

/** Everything an export needs. */
export type ReportModel = Readonly<{
  lang: Lang;
  L: Labels;
  visit: Visit;
  interns: readonly string[];
  time: string;
  contact: string;
  machines: readonly MachineRow[];
  findings: readonly Finding[];
  totals: Readonly<{
    machines: number;
    findings: number;
    fail: number;
    warn: number;
    unknown: number;
    problems: number;
    fixes: number;
    open: number;
    people: number;
  }>;
}>;

const ORDER: readonly Status[] = ['fail', 'warn', 'unknown', 'ok'];

/** Worst status of a machine (fail > warn > unknown > ok). */
function worstOf(counts: Readonly<Record<Status, number>>): Status {
  return ORDER.find((status) => counts[status] > 0) ?? 'ok';
}

/** The word for a status, in the report's language. */
export function statusWord(L: Labels, status: string): string {
  const key = `status_${status}` as keyof Labels;
  return L[key] ?? status;
}

function machineRow(lang: Lang, L: Labels, entry: Visit['machines'][number]): MachineRow {
  const { snapshot } = entry;
  const counts: Record<Status, number> = { ok: 0, warn: 0, fail: 0, unknown: 0 };
  const hostname = snapshot.machine.hostname;
  const findings: Finding[] = [];
  for (const check of snapshot.checks) {
    counts[check.status] += 1;
    if (check.status === 'ok') continue;
    findings.push({
      machine: hostname,
      checkId: check.id,
      area: check.area,
      status: check.status,
      title: check.title[lang],
      detail: check.detail[lang],
      fix: check.fix?.text[lang] ?? (check.reason === undefined ? '' : check.reason),
    });
  }
  findings.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  const model = [snapshot.machine.manufacturer, snapshot.machine.model].filter(Boolean).join(' ');
  const changes =
    entry.changes === undefined
      ? undefined
      : [
          ...(entry.changes.hostname
            ? [`${L.hostname}: ${entry.changes.hostname.before} → ${entry.changes.hostname.after}`]
            : []),
          ...(entry.changes.osName
            ? [`${L.os}: ${entry.changes.osName.before} → ${entry.changes.osName.after}`]
            : []),
          ...entry.changes.checks.map(
            (c) => `${c.title[lang]}: ${statusWord(L, c.before)} → ${statusWord(L, c.after)}`,
          ),
        ];
  return {
    hostname,
    fingerprint: snapshot.machine.fingerprint,
    model,
    os: snapshot.osName,
    takenAt: snapshot.takenAt,
    counts,
    verdict: worstOf(counts),
    findings,
    changes,
  };
}

/** Builds the report model of a visit in one language. */
export function buildReportModel(visit: Visit, lang: Lang): ReportModel {
  const L = labels(lang);
  const machines = visit.machines.map((entry) => machineRow(lang, L, entry));
  const findings = machines.flatMap((m) => m.findings);
  const { arrivedAt, leftAt } = visit.onSite;
  const time =
    arrivedAt === undefined ? '' : `${arrivedAt}${leftAt === undefined ? '' : ` – ${leftAt}`}`;
  const contact =
    visit.contact === undefined
      ? ''
      : [visit.contact.name, visit.contact.position, visit.contact.phone]
          .filter(Boolean)
          .join(', ');
  const count = (status: Status) => findings.filter((f) => f.status === status).length;
  return {
    lang,
    L,
    visit,
    interns: visit.interns.map((i) => (i.school ? `${i.name} (${i.school})` : i.name)),
    time,
    contact,
    machines,
    findings,
    totals: {
      machines: machines.length,
      findings: findings.length,
      fail: count('fail'),
      warn: count('warn'),
      unknown: count('unknown'),
      problems: visit.problems.length,
      fixes: visit.fixes.length,
      open: visit.openItems.filter((i) => !i.done).length,
      people: visit.peopleHelped.reduce((sum, p) => sum + p.count, 0),
    },
  };
}

/** One-paragraph summary sentence used by several formats. */
export function summaryLine(model: ReportModel): string {
  const t = model.totals;
  return model.lang === 'vi'
    ? `${t.machines} máy được chẩn đoán; ${t.fail} lỗi, ${t.warn} cảnh báo, ${t.unknown} mục chưa rõ; ${t.fixes} việc đã khắc phục; ${t.open} việc còn tồn; ${t.people} người được hỗ trợ.`
    : `${t.machines} machines diagnosed; ${t.fail} errors, ${t.warn} warnings, ${t.unknown} unknown; ${t.fixes} fixes; ${t.open} open items; ${t.people} people helped.`;
}
