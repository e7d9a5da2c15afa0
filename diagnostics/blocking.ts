/**
 * Marks the checks a lower failure blocks (`blockedBy`), so that one cause is one finding:
 * with DNS down, the Internet rung and every site that could not be resolved are "affected" by
 * the DNS check, not fifteen problems of their own. Applied once to a sweep's checks (and to the
 * network ladder's checks when the ladder runs alone); idempotent.
 *
 * The rules, lowest cause first:
 * 1. The network ladder: the first rung that is not ok (link → gateway → DNS → Internet) blocks
 *    every later rung and every site that is not ok.
 * 2. The PC clock (`os.clock`), when it is wrong, blocks every site that broke at the clock
 *    (TLS refused because of the date).
 */
import type { CheckResult } from './types.js';

/** The network ladder's rungs, lowest first (check ids `network.<rung>`). */
const RUNGS = ['network.link', 'network.gateway', 'network.dns', 'network.internet'] as const;
const ENDPOINT_PREFIX = 'network.endpoint.';

const bad = (c: CheckResult): boolean => c.status === 'warn' || c.status === 'fail';

/** Returns the checks with `blockedBy` set where a lower check's failure explains them. */
export function markBlocked(checks: readonly CheckResult[]): CheckResult[] {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const blockers = new Map<string, string>();
  const lowest = RUNGS.find((id) => {
    const rung = byId.get(id);
    return rung !== undefined && bad(rung);
  });
  if (lowest !== undefined) {
    const after = RUNGS.slice(RUNGS.indexOf(lowest) + 1);
    for (const c of checks) {
      if (!bad(c)) continue;
      if (after.includes(c.id as (typeof RUNGS)[number]) || c.id.startsWith(ENDPOINT_PREFIX)) {
        blockers.set(c.id, lowest);
      }
    }
  }
  const clock = byId.get('os.clock');
  if (clock !== undefined && bad(clock)) {
    for (const c of checks) {
      if (bad(c) && c.id.startsWith(ENDPOINT_PREFIX) && c.values?.['breaksAt'] === 'clock') {
        if (!blockers.has(c.id)) blockers.set(c.id, 'os.clock');
      }
    }
  }
  if (blockers.size === 0) return [...checks];
  return checks.map((c) => {
    const by = blockers.get(c.id);
    return by === undefined || c.blockedBy === by ? c : { ...c, blockedBy: by };
  });
}
