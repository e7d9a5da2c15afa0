/**
 * Public API of the diagnostics library (plain Node, no Electron): probes, the sweep, snapshots.
 */
export type * from './types.js';
export { probes } from './probes.js';
export { runSweep, runProbe, selectProbes } from './sweep.js';
export type { SweepOptions, SweepProgress, SweepResult } from './sweep.js';
export { takeSnapshot, summarize } from './snapshot.js';
export type { SnapshotOptions } from './snapshot.js';
export { createProbeContext } from './context.js';
export { machineIdentity } from './identity.js';
export { runCommand } from './run-command.js';
export { check, unknownCheck, isCheckResult } from './checks.js';
export { pinWarning, PROVIDERS, TOKEN_VENDORS } from './signature/providers.js';
export * from './errors.js';
