/**
 * One cause, one finding: how checks are counted everywhere (the app's verdict, the CLI, the
 * exports, the supervisor's inbox).
 *
 * - A **problem** is a `warn` or `fail` check that nothing else blocks.
 * - An **affected** check failed only because a lower check failed (its `blockedBy`): it is shown
 *   under that cause, never counted as a problem of its own.
 * - **Could not check** (`unknown`) and **not applicable on this OS** are counted apart; neither
 *   is a problem.
 */
import type { CheckResult } from './types.js';

/** The five ways a check is counted. */
export type CheckClass = 'problem' | 'affected' | 'ok' | 'unknown' | 'not-applicable';

/** Counts of a list of checks, by {@link CheckClass}; `fail`/`warn` split the problems. */
export type CheckTally = Readonly<{
  problems: number;
  fail: number;
  warn: number;
  affected: number;
  ok: number;
  unknown: number;
  notApplicable: number;
  total: number;
}>;

/** One finding: a problem and the checks it blocks. */
export type Finding = Readonly<{ check: CheckResult; affected: readonly CheckResult[] }>;

/** True for a check that does not apply on this OS (see `notApplicable()` in checks.ts). */
export function isNotApplicable(check: Pick<CheckResult, 'status' | 'reason'>): boolean {
  return check.status === 'unknown' && (check.reason ?? '').startsWith('not applicable');
}

/** How one check is counted. */
export function classifyCheck(
  check: Pick<CheckResult, 'status' | 'reason' | 'blockedBy'>,
): CheckClass {
  if (check.status === 'ok') return 'ok';
  if (check.status === 'unknown') return isNotApplicable(check) ? 'not-applicable' : 'unknown';
  return check.blockedBy === undefined ? 'problem' : 'affected';
}

/** Counts checks by class. */
export function tallyChecks(
  checks: readonly Pick<CheckResult, 'status' | 'reason' | 'blockedBy'>[],
): CheckTally {
  let fail = 0;
  let warn = 0;
  let affected = 0;
  let ok = 0;
  let unknown = 0;
  let notApplicable = 0;
  for (const c of checks) {
    const kind = classifyCheck(c);
    if (kind === 'problem') {
      if (c.status === 'fail') fail += 1;
      else warn += 1;
    } else if (kind === 'affected') affected += 1;
    else if (kind === 'ok') ok += 1;
    else if (kind === 'unknown') unknown += 1;
    else notApplicable += 1;
  }
  return {
    problems: fail + warn,
    fail,
    warn,
    affected,
    ok,
    unknown,
    notApplicable,
    total: checks.length,
  };
}

/**
 * The problems of a list of checks, failures first, each with the checks it blocks. An affected
 * check whose blocker is not in the list (or is itself not a problem) stands as its own finding,
 * so nothing is ever hidden.
 */
export function findingsOf(checks: readonly CheckResult[]): Finding[] {
  const problems = checks.filter((c) => classifyCheck(c) === 'problem');
  const problemIds = new Set(problems.map((c) => c.id));
  const under = new Map<string, CheckResult[]>();
  const orphans: CheckResult[] = [];
  for (const c of checks) {
    if (classifyCheck(c) !== 'affected') continue;
    const root = rootOf(c, checks);
    if (root !== undefined && problemIds.has(root)) {
      const list = under.get(root) ?? [];
      list.push(c);
      under.set(root, list);
    } else orphans.push(c);
  }
  const rank = (c: CheckResult): number => (c.status === 'fail' ? 0 : 1);
  return [...problems, ...orphans]
    .map((check) => ({ check, affected: under.get(check.id) ?? [] }))
    .sort((a, b) => rank(a.check) - rank(b.check));
}

/** Follows `blockedBy` to the first check that is not itself blocked (cycles end the walk). */
function rootOf(check: CheckResult, checks: readonly CheckResult[]): string | undefined {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const seen = new Set<string>([check.id]);
  let current = check.blockedBy;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const next = byId.get(current);
    if (next?.blockedBy === undefined) return current;
    current = next.blockedBy;
  }
  return undefined;
}
