/**
 * The figures one visit adds to the supervisor's totals, pulled out once at import time so
 * aggregating 1,000 visits only adds numbers.
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
import { LOW_SUPPLY_PERCENT, supplyLevel } from '../../../diagnostics/printers/supply-level.js';
import type { Visit } from '../visits/schema.js';
import type { CertFact, VisitFacts } from './types.js';

export type { CertFact, VisitFacts } from './types.js';

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

/** Extracts the facts of one visit. */
export function visitFacts(visit: Visit): VisitFacts {
  const findingsByKind: Record<string, number> = {};
  const certificates: CertFact[] = [];
  const outOfSupport: Array<{ machine: string; os: string }> = [];
  const printersLow: Array<{ machine: string; title: string }> = [];
  for (const { snapshot } of visit.machines) {
    const machine = snapshot.machine.hostname;
    let unsupported = false;
    for (const check of snapshot.checks) {
      if (check.status !== 'ok') findingsByKind[check.area] = (findingsByKind[check.area] ?? 0) + 1;
      const notAfter =
        check.area === 'signature'
          ? dateValue(check.values, ['notAfter', 'validTo', 'expires'])
          : undefined;
      if (notAfter !== undefined) certificates.push({ machine, title: check.title.vi, notAfter });
      if (!unsupported && isOutOfSupport(check, visit.onSite.date)) unsupported = true;
      if (isSupplyLow(check)) printersLow.push({ machine, title: check.title.vi });
    }
    if (unsupported) outOfSupport.push({ machine, os: snapshot.osName });
  }
  for (const problem of visit.problems)
    findingsByKind[problem.kind] = (findingsByKind[problem.kind] ?? 0) + 1;
  const people = { official: 0, citizen: 0 };
  for (const p of visit.peopleHelped) people[p.role] += p.count;
  return {
    visitId: visit.id,
    commune: visit.commune.name,
    province: visit.commune.province,
    date: visit.onSite.date,
    interns: visit.interns.map((i) => i.name),
    machines: visit.machines.length,
    findingsByKind,
    fixes: visit.fixes.length,
    openItems: visit.openItems.filter((i) => !i.done).length,
    people,
    certificates,
    outOfSupport,
    printersLow,
  };
}
