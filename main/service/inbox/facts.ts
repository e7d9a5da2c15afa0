/**
 * The facts one visit gives the supervisor's desk, pulled out once at import time so the desk
 * reads small rows. Checks are counted by `diagnostics/findings.ts` (problems exclude unknown,
 * not-applicable and affected checks); each machine keeps its own state so the desk can take the
 * newest state of each machine of a commune.
 *
 * Certificates, OS support and printer supplies are read from the checks' `values`, by these
 * conventions (documented in the README, followed by the sample fixtures):
 * - a `signature` check with a date in `values.notAfter` (or `validTo`/`expires`) is a certificate;
 * - an `os` check with `values.outOfSupport === true`, or not ok with a `supportEnd` (as
 *   `diagnostics/os/os-version.ts` writes it; also `endOfSupport`) before the visit day, is a
 *   machine out of support;
 * - a `printers` check is a printer with supplies low when `values.supplies` (as
 *   `diagnostics/printers/printers-probe.ts` writes it) has a toner/ink at 0–10 % (the printer
 *   check's own rule, `diagnostics/printers/supply-level.ts`; waste containers never count), when
 *   `values.reasons` holds an IPP low/empty marker keyword (`toner-low`, `marker-supply-low-warning`…),
 *   when `values.supplyLow === true` or `values.levelPercent` ≤ 10, or when its id names
 *   supplies/toner/ink/marker and it is warn/fail.
 */
import { classifyCheck, tallyChecks } from '../../../diagnostics/findings.js';
import type { CheckResult } from '../../../diagnostics/types.js';
import { LOW_SUPPLY_PERCENT, supplyLevel } from '../../../diagnostics/printers/supply-level.js';
import { HELPED_CATEGORIES, type HelpedCategory, type Visit } from '../visits/schema.js';
import type { CertFact, HelpedFact, MachineFacts, ProblemFact, VisitFacts } from './records.js';

export type { VisitFacts } from './records.js';

type Check = Visit['machines'][number]['snapshot']['checks'][number];

function dateValue(
  values: Readonly<Record<string, unknown>> | undefined,
  keys: readonly string[],
): string | undefined {
  for (const key of keys) {
    const value = values?.[key];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
  }
  return undefined;
}

function isOutOfSupport(check: Check, visitDate: string): boolean {
  if (check.area !== 'os') return false;
  if (check.values?.['outOfSupport'] === true) return true;
  const end = dateValue(check.values, ['supportEnd', 'endOfSupport', 'supportEnds']);
  return end !== undefined && end.slice(0, 10) < visitDate && check.status !== 'ok';
}

/** IPP `printer-state-reasons` keywords meaning a supply is low or empty (RFC 8011 §5.4.12). */
const LOW_REASON =
  /^(toner-(low|empty)|marker-supply-(low|empty)|marker-ink-almost-empty|developer-(low|empty)|marker-waste-almost-full)/;

/** The printer check's own rule (`supply-level.ts`): a toner/ink at 0–10 %, never a waste tank. */
function isLowSupply(supply: unknown): boolean {
  if (typeof supply !== 'object' || supply === null) return false;
  const level = supplyLevel(supply);
  return level === 'low' || level === 'empty';
}

function isSupplyLow(check: Check): boolean {
  if (check.area !== 'printers') return false;
  if (check.values?.['supplyLow'] === true) return true;
  const level = check.values?.['levelPercent'];
  if (typeof level === 'number' && level >= 0 && level <= LOW_SUPPLY_PERCENT) return true;
  const supplies = check.values?.['supplies'];
  if (Array.isArray(supplies) && supplies.some((s: unknown) => isLowSupply(s))) return true;
  const reasons = check.values?.['reasons'];
  if (Array.isArray(reasons) && reasons.some((r) => typeof r === 'string' && LOW_REASON.test(r)))
    return true;
  return (
    /suppl|toner|ink|marker|muc/i.test(check.id) &&
    (check.status === 'warn' || check.status === 'fail')
  );
}

const HELPED = new Set<string>(HELPED_CATEGORIES);

/** `HH:MM` → minutes since midnight. */
function minutesOf(hhmm: string | undefined): number | undefined {
  const m = hhmm === undefined ? null : /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m === null ? undefined : Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes on site: `timeSpentMinutes`, else left − arrived (same day), else unknown. */
function minutesOnSite(visit: Visit): number | undefined {
  if (visit.timeSpentMinutes !== undefined) return visit.timeSpentMinutes;
  const a = minutesOf(visit.onSite.arrivedAt);
  const l = minutesOf(visit.onSite.leftAt);
  return a !== undefined && l !== undefined && l > a ? l - a : undefined;
}

/** A completed checklist run that declares `counts: {category, role}` counts one person helped. */
function checklistPeople(visit: Visit): HelpedFact[] {
  const out: HelpedFact[] = [];
  for (const run of visit.checklists) {
    if (run.status !== 'completed') continue;
    const counts = (run as Readonly<Record<string, unknown>>)['counts'];
    if (typeof counts !== 'object' || counts === null) continue;
    const { category, role } = counts as Readonly<Record<string, unknown>>;
    if (typeof category !== 'string' || !HELPED.has(category)) continue;
    out.push({
      category: category as HelpedCategory,
      role: role === 'official' ? 'official' : 'citizen',
      count: 1,
      source: 'checklist',
    });
  }
  return out;
}

/** The identity of a machine within a commune: its asset tag when given, else its fingerprint. */
export function machineKey(machine: Visit['machines'][number]): string {
  const tag = (machine.assetTag ?? machine.snapshot.machine.assetTag ?? '').trim().toLowerCase();
  return tag !== '' ? `tag:${tag}` : `fp:${machine.snapshot.machine.fingerprint}`;
}

/** The fields `diagnostics/findings.ts` counts by. */
function countable(check: Check): Pick<CheckResult, 'status' | 'reason' | 'blockedBy'> {
  return {
    status: check.status,
    ...(check.reason === undefined ? {} : { reason: check.reason }),
    ...(check.blockedBy === undefined ? {} : { blockedBy: check.blockedBy }),
  };
}

function machineFacts(machine: Visit['machines'][number], visitDate: string): MachineFacts {
  const { snapshot } = machine;
  const checks = snapshot.checks;
  const counted = checks.map(countable);
  const tally = tallyChecks(counted);
  const problems: ProblemFact[] = [];
  const certificates: CertFact[] = [];
  const printersLow: string[] = [];
  let outOfSupport = false;
  for (const [i, check] of checks.entries()) {
    if (classifyCheck(counted[i]!) === 'problem')
      problems.push({
        checkId: check.id,
        area: check.area,
        title: check.title.vi,
        status: check.status === 'fail' ? 'fail' : 'warn',
      });
    const notAfter =
      check.area === 'signature'
        ? dateValue(check.values, ['notAfter', 'validTo', 'expires'])
        : undefined;
    if (notAfter !== undefined) certificates.push({ title: check.title.vi, notAfter });
    if (!outOfSupport && isOutOfSupport(check, visitDate)) outOfSupport = true;
    if (isSupplyLow(check)) printersLow.push(check.title.vi);
  }
  const tag = machine.assetTag ?? snapshot.machine.assetTag;
  return {
    key: machineKey(machine),
    hostname: snapshot.machine.hostname,
    ...(tag === undefined ? {} : { assetTag: tag }),
    os: snapshot.osName,
    takenAt: snapshot.takenAt,
    tally: {
      problems: tally.problems,
      affected: tally.affected,
      unknown: tally.unknown,
      notApplicable: tally.notApplicable,
      ok: tally.ok,
    },
    problems,
    certificates,
    outOfSupport,
    printersLow,
  };
}

/**
 * Fixes: a fix linked to a problem of kind `printers` is a printer fixed; any other fix linked to
 * a machine is a PC fixed (each machine once per visit).
 */
function fixFacts(visit: Visit): VisitFacts['fixes'] {
  const kindOf = new Map(visit.problems.map((p) => [p.id, p.kind]));
  const pcs = new Set<string>();
  const printers = new Set<string>();
  for (const fix of visit.fixes) {
    const kind = fix.problemId === undefined ? undefined : kindOf.get(fix.problemId);
    if (kind === 'printers') printers.add(fix.machineFingerprint ?? fix.id);
    else if (fix.machineFingerprint !== undefined) pcs.add(fix.machineFingerprint);
  }
  return { total: visit.fixes.length, pcs: pcs.size, printers: printers.size };
}

/** Extracts the facts of one visit. */
export function visitFacts(visit: Visit): VisitFacts {
  const minutes = minutesOnSite(visit);
  return {
    visitId: visit.id,
    commune: visit.commune.name,
    province: visit.commune.province,
    date: visit.onSite.date,
    ...(minutes === undefined ? {} : { minutes }),
    interns: visit.interns.map((i) => i.name),
    machines: visit.machines.map((m) => machineFacts(m, visit.onSite.date)),
    typedProblems: visit.problems.map((p) => ({ kind: p.kind, text: p.text.slice(0, 300) })),
    fixes: fixFacts(visit),
    openItems: visit.openItems.map((i) => ({
      id: i.id,
      text: i.text.slice(0, 500),
      done: i.done,
      ...(i.due === undefined ? {} : { due: i.due }),
    })),
    people: [
      ...visit.peopleHelped.map((p) => ({
        category: p.category ?? 'other',
        role: p.role,
        count: p.count,
        source: 'typed' as const,
      })),
      ...checklistPeople(visit),
    ],
    checklists: {
      completed: visit.checklists.filter((c) => c.status === 'completed').length,
      total: visit.checklists.length,
    },
    ...(visit.assessment === undefined || visit.assessment.text.trim() === ''
      ? {}
      : {
          assessment: {
            text: visit.assessment.text,
            ...(visit.assessment.by === undefined ? {} : { by: visit.assessment.by }),
          },
        }),
  };
}
