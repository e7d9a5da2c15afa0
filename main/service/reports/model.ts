/**
 * What every export shows, computed once from a visit: header facts, totals, machines, the
 * findings grouped by cause (one cause, one finding: `diagnostics/findings.ts`), the checklist
 * runs as what was done and verified, lists. Words come from the one vocabulary
 * (`main/service/vocabulary.ts`) through `labels.ts`; strings are raw here and each format
 * escapes them its own way.
 */
import {
  classifyCheck,
  findingsOf,
  tallyChecks,
  type CheckTally,
} from '../../../diagnostics/findings.js';
import type { CheckResult } from '../../../diagnostics/types.js';
import type { Lang } from '../define.js';
import { STATUS_TERMS } from '../vocabulary.js';
import type { Visit } from '../visits/schema.js';
import { labels, type Labels } from './labels.js';
import { summariseRun, type RunSummary } from './runs.js';

type Status = 'ok' | 'warn' | 'fail' | 'unknown';

/** One check that is not ok, on one machine (flat rows for CSV and HTML). */
export type Finding = Readonly<{
  machine: string;
  checkId: string;
  area: string;
  status: Status;
  title: string;
  detail: string;
  fix: string;
  /** Title of the check whose failure caused this one, when it is only affected. */
  causedBy?: string;
}>;

/** One cause across the visit: a problem, the machines it is on, and what it blocks. */
export type Cause = Readonly<{
  checkId: string;
  area: string;
  status: 'fail' | 'warn';
  title: string;
  fix: string;
  machines: readonly Readonly<{ hostname: string; detail: string }>[];
  /** Checks that failed only because of this cause, one row per check with its machines. */
  affected: readonly Readonly<{ title: string; machines: readonly string[] }>[];
}>;

/** One machine as reports show it. */
export type MachineRow = Readonly<{
  hostname: string;
  fingerprint: string;
  assetTag: string;
  room: string;
  user: string;
  model: string;
  serial: string;
  os: string;
  ip: string;
  mac: string;
  /** `YYYY-MM-DD` when known. */
  supportEnd: string;
  takenAt: string;
  tally: CheckTally;
  verdict: Status;
  /** Problems on this machine with what they block; then checks that could not be run. */
  findings: readonly Finding[];
  unknown: readonly Finding[];
  /** Lines like "Ổ đĩa C: Đạt → Lỗi"; empty when nothing changed; undefined for a new machine. */
  changes: readonly string[] | undefined;
}>;

/** Totals over the visit, counted the one way (`tallyChecks`). */
export type Totals = Readonly<{
  machines: number;
  /** Distinct causes across machines. */
  causes: number;
  /** Problems summed over machines (a cause on 3 machines counts 3). */
  problems: number;
  fail: number;
  warn: number;
  affected: number;
  unknown: number;
  notApplicable: number;
  typedProblems: number;
  fixes: number;
  open: number;
  people: number;
  checklists: number;
  lanDevices: number;
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
  /** Every not-ok check, flat (problems with their affected checks, then unknown). */
  findings: readonly Finding[];
  causes: readonly Cause[];
  runs: readonly RunSummary[];
  totals: Totals;
}>;

/** The word for a status, in the report's language (`absent` for a check not run before). */
export function statusWord(L: Labels, status: string): string {
  if (status in STATUS_TERMS) return STATUS_TERMS[status as Status][L.lang];
  return status === 'absent' ? L.absent : status;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** First value under one of `keys` in the checks' values, searched two levels deep. */
function valueOf(checks: readonly CheckResult[], keys: readonly string[]): string {
  const look = (v: unknown, depth: number): string | undefined => {
    if (depth > 2 || v === null || typeof v !== 'object') return undefined;
    if (Array.isArray(v)) {
      for (const item of v) {
        const found = look(item, depth + 1);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    const record = v as Record<string, unknown>;
    for (const key of keys) {
      const direct = record[key];
      const s =
        str(direct) ??
        (Array.isArray(direct) ? (str(direct[0]) ?? look(direct, depth + 1)) : undefined);
      if (s !== undefined) return s;
    }
    for (const inner of Object.values(record)) {
      const found = look(inner, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (const check of checks) {
    const found = look(check.values, 0);
    if (found !== undefined) return found;
  }
  return '';
}

function row(lang: Lang, hostname: string, check: CheckResult, causedBy?: string): Finding {
  return {
    machine: hostname,
    checkId: check.id,
    area: check.area,
    status: check.status,
    title: check.title[lang],
    detail: check.detail[lang],
    fix: check.fix?.text[lang] ?? '',
    ...(causedBy === undefined ? {} : { causedBy }),
  };
}

function changesOf(lang: Lang, L: Labels, entry: Visit['machines'][number]): string[] | undefined {
  const c = entry.changes;
  if (c === undefined) return undefined;
  return [
    ...(c.hostname ? [`${L.hostname}: ${c.hostname.before} → ${c.hostname.after}`] : []),
    ...(c.osName ? [`${L.os}: ${c.osName.before} → ${c.osName.after}`] : []),
    ...c.checks.map(
      (x) => `${x.title[lang]}: ${statusWord(L, x.before)} → ${statusWord(L, x.after)}`,
    ),
  ];
}

function machineRow(lang: Lang, L: Labels, entry: Visit['machines'][number]): MachineRow {
  const { snapshot } = entry;
  const checks = snapshot.checks as readonly CheckResult[];
  const hostname = snapshot.machine.hostname;
  const tally = tallyChecks(checks);
  const findings = findingsOf(checks).flatMap((f) => [
    row(lang, hostname, f.check),
    ...f.affected.map((a) => row(lang, hostname, a, f.check.title[lang])),
  ]);
  const unknown = checks
    .filter((c) => classifyCheck(c) === 'unknown')
    .map((c) => row(lang, hostname, c));
  const verdict: Status =
    tally.fail > 0 ? 'fail' : tally.warn > 0 ? 'warn' : tally.unknown > 0 ? 'unknown' : 'ok';
  return {
    hostname,
    fingerprint: snapshot.machine.fingerprint,
    assetTag: entry.assetTag ?? str(snapshot.machine.assetTag) ?? '',
    room: entry.room ?? '',
    user: entry.user ?? '',
    model: [snapshot.machine.manufacturer, snapshot.machine.model].filter(Boolean).join(' '),
    serial: snapshot.machine.serial ?? '',
    os: snapshot.osName,
    ip: valueOf(checks, ['ipv4', 'ip', 'address', 'localAddress']),
    mac: valueOf(checks, ['mac', 'macAddress']),
    supportEnd: valueOf(checks, ['supportEnd']).slice(0, 10),
    takenAt: snapshot.takenAt,
    tally,
    verdict,
    findings,
    unknown,
    changes: changesOf(lang, L, entry),
  };
}

/** Groups the machines' problems by cause (check id), failures first, then by reach. */
function causesOf(lang: Lang, visit: Visit): Cause[] {
  const byId = new Map<string, { cause: Cause; affected: Map<string, string[]> }>();
  for (const entry of visit.machines) {
    const hostname = entry.snapshot.machine.hostname;
    for (const f of findingsOf(entry.snapshot.checks as readonly CheckResult[])) {
      if (f.check.status !== 'fail' && f.check.status !== 'warn') continue;
      const slot = byId.get(f.check.id) ?? {
        cause: {
          checkId: f.check.id,
          area: f.check.area,
          status: f.check.status,
          title: f.check.title[lang],
          fix: f.check.fix?.text[lang] ?? '',
          machines: [],
          affected: [],
        },
        affected: new Map<string, string[]>(),
      };
      const machines = [...slot.cause.machines, { hostname, detail: f.check.detail[lang] }];
      const status = slot.cause.status === 'fail' || f.check.status === 'fail' ? 'fail' : 'warn';
      slot.cause = { ...slot.cause, status, machines };
      for (const a of f.affected) {
        const title = a.title[lang];
        slot.affected.set(title, [...(slot.affected.get(title) ?? []), hostname]);
      }
      byId.set(f.check.id, slot);
    }
  }
  return [...byId.values()]
    .map(({ cause, affected }) => ({
      ...cause,
      affected: [...affected].map(([title, machines]) => ({ title, machines })),
    }))
    .sort(
      (a, b) =>
        (a.status === 'fail' ? 0 : 1) - (b.status === 'fail' ? 0 : 1) ||
        b.machines.length - a.machines.length,
    );
}

function totalsOf(visit: Visit, machines: readonly MachineRow[], causes: number): Totals {
  const sum = (pick: (t: CheckTally) => number) => machines.reduce((n, m) => n + pick(m.tally), 0);
  return {
    machines: machines.length,
    causes,
    problems: sum((t) => t.problems),
    fail: sum((t) => t.fail),
    warn: sum((t) => t.warn),
    affected: sum((t) => t.affected),
    unknown: sum((t) => t.unknown),
    notApplicable: sum((t) => t.notApplicable),
    typedProblems: visit.problems.length,
    fixes: visit.fixes.length,
    open: visit.openItems.filter((i) => !i.done).length,
    people: visit.peopleHelped.reduce((n, p) => n + p.count, 0),
    checklists: visit.checklists.length,
    lanDevices: visit.scans.reduce((n, s) => n + s.hosts.length, 0),
  };
}

/** Builds the report model of a visit in one language. */
export function buildReportModel(visit: Visit, lang: Lang): ReportModel {
  const L = labels(lang);
  const machines = visit.machines.map((entry) => machineRow(lang, L, entry));
  const causes = causesOf(lang, visit);
  const { arrivedAt, leftAt } = visit.onSite;
  const time =
    arrivedAt === undefined ? '' : `${arrivedAt}${leftAt === undefined ? '' : ` – ${leftAt}`}`;
  const contact =
    visit.contact === undefined
      ? ''
      : [visit.contact.name, visit.contact.position, visit.contact.phone]
          .filter(Boolean)
          .join(', ');
  const hostOf = new Map(machines.map((m) => [m.fingerprint, m.hostname]));
  return {
    lang,
    L,
    visit,
    interns: visit.interns.map((i) => (i.school ? `${i.name} (${i.school})` : i.name)),
    time,
    contact,
    machines,
    findings: machines.flatMap((m) => [...m.findings, ...m.unknown]),
    causes,
    runs: visit.checklists.map((run) => summariseRun(run, lang, hostOf)),
    totals: totalsOf(visit, machines, causes.length),
  };
}

/** "1 error", "2 errors" (English only; Vietnamese has no plural). */
export function en(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One-paragraph summary sentence used by several formats (every count, the one way). */
export function summaryLine(model: ReportModel): string {
  const t = model.totals;
  return model.lang === 'vi'
    ? `${t.machines} máy được chẩn đoán; ${t.causes} vấn đề (${t.fail} lỗi, ${t.warn} cảnh báo trên các máy), ${t.affected} mục bị ảnh hưởng bởi các vấn đề đó, ${t.unknown} mục không kiểm tra được, ${t.notApplicable} mục không áp dụng; ${t.typedProblems} vấn đề sinh viên ghi nhận; ${t.fixes} việc đã khắc phục; ${t.open} việc còn tồn; ${t.people} người được hỗ trợ.`
    : `${en(t.machines, 'machine')} diagnosed; ${en(t.causes, 'problem')} (${en(t.fail, 'error')}, ${en(t.warn, 'warning')} across machines), ${en(t.affected, 'check')} affected by them, ${t.unknown} could not be checked, ${t.notApplicable} not applicable; ${en(t.typedProblems, 'problem')} noted by the interns; ${en(t.fixes, 'fix', 'fixes')}; ${en(t.open, 'open item')}; ${en(t.people, 'person', 'people')} helped.`;
}
