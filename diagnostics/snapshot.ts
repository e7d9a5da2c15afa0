/**
 * A machine snapshot: identity + every check of one sweep, ready to save in a visit.
 */
import { machineIdentity } from './identity.js';
import { runSweepSharing, type SweepOptions } from './sweep.js';
import { tallyChecks } from './findings.js';
import type { CheckResult, MachineSnapshot, ProbeContext, SnapshotSummary } from './types.js';

/** Options of {@link takeSnapshot}: those of the sweep, plus the intern's asset tag. */
export type SnapshotOptions = SweepOptions & Readonly<{ assetTag?: string }>;

/** Counts checks the one way (`findings.ts`): problems, affected, unknown, not applicable. */
export function summarize(checks: readonly CheckResult[]): SnapshotSummary {
  const t = tallyChecks(checks);
  return {
    ok: t.ok,
    warn: t.warn,
    fail: t.fail,
    unknown: t.unknown,
    affected: t.affected,
    notApplicable: t.notApplicable,
  };
}

function osNameOf(ctx: ProbeContext, checks: readonly CheckResult[]): string {
  const value = checks.find((c) => c.id === 'os.version')?.values?.['osName'];
  return typeof value === 'string' && value !== '' ? value : `${ctx.os.type()} ${ctx.os.release()}`;
}

/** Runs the sweep and the identity lookup side by side and returns the snapshot. */
export async function takeSnapshot(
  ctx: ProbeContext,
  options: SnapshotOptions = {},
): Promise<MachineSnapshot> {
  // One fresh context for the sweep and the identity: both read the same Windows facts batch (one
  // PowerShell), and never an earlier snapshot's (the host lives as long as the service).
  const snapshotCtx: ProbeContext = { ...ctx };
  const takenAt = new Date(ctx.now()).toISOString();
  const started = Date.now();
  const [sweep, machine] = await Promise.all([
    runSweepSharing(snapshotCtx, options),
    machineIdentity(snapshotCtx, {
      ...(options.assetTag === undefined ? {} : { assetTag: options.assetTag }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    }),
  ]);
  return {
    schema: 1,
    takenAt,
    durationMs: Date.now() - started,
    platform: ctx.platform,
    machine,
    osName: osNameOf(ctx, sweep.checks),
    checks: sweep.checks,
    summary: summarize(sweep.checks),
  };
}
