import type { MachineChanges } from './schema.js';

type Status = 'ok' | 'warn' | 'fail' | 'unknown';
type SnapshotLike = Readonly<{
  takenAt: string;
  osName: string;
  machine: Readonly<{ hostname: string }>;
  checks: readonly Readonly<{
    id: string;
    status: Status;
    title: Readonly<{ vi: string; en: string }>;
  }>[];
}>;

/** Where the earlier snapshot was seen. */
export type PreviousSighting = Readonly<{
  visitId: string;
  visitDate: string;
  snapshot: SnapshotLike;
}>;

/**
 * What changed on a machine between an earlier visit and now: hostname, OS, and every check
 * whose verdict differs (including checks that appeared or disappeared, as `absent`).
 */
export function diffSnapshots(previous: PreviousSighting, next: SnapshotLike): MachineChanges {
  const before = new Map(previous.snapshot.checks.map((check) => [check.id, check]));
  const after = new Map(next.checks.map((check) => [check.id, check]));
  const checks: MachineChanges['checks'] = [];
  for (const [id, check] of after) {
    const old = before.get(id);
    if (old?.status !== check.status) {
      checks.push({
        id,
        title: { vi: check.title.vi, en: check.title.en },
        before: old?.status ?? 'absent',
        after: check.status,
      });
    }
  }
  for (const [id, old] of before) {
    if (!after.has(id)) {
      checks.push({
        id,
        title: { vi: old.title.vi, en: old.title.en },
        before: old.status,
        after: 'absent',
      });
    }
  }
  const changes: MachineChanges = {
    previousVisitId: previous.visitId,
    previousVisitDate: previous.visitDate,
    previousTakenAt: previous.snapshot.takenAt,
    checks,
  };
  const oldHost = previous.snapshot.machine.hostname;
  if (oldHost !== next.machine.hostname)
    changes.hostname = { before: oldHost, after: next.machine.hostname };
  if (previous.snapshot.osName !== next.osName)
    changes.osName = { before: previous.snapshot.osName, after: next.osName };
  return changes;
}
