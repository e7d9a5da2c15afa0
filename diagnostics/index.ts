/**
 * Public API of the diagnostics library (plain Node, no Electron): probes, the sweep, snapshots.
 */
export type * from './types.js';
export { probes } from './probes.js';
export { runSweep, runProbe, selectProbes } from './sweep.js';
export type { SweepOptions, SweepProgress, SweepResult } from './sweep.js';
export { takeSnapshot, summarize } from './snapshot.js';
export { markBlocked } from './blocking.js';
export {
  classifyCheck,
  findingsOf,
  isNotApplicable,
  tallyChecks,
  type CheckClass,
  type CheckTally,
  type Finding,
} from './findings.js';
export type { SnapshotOptions } from './snapshot.js';
export { createHostContext, createProbeContext } from './context.js';
export { machineIdentity } from './identity.js';
export { runCommand } from './run-command.js';
export { check, unknownCheck, isCheckResult } from './checks.js';
export { pinWarning, PROVIDERS, TOKEN_VENDORS } from './signature/providers.js';
export * from './errors.js';
// Network, printers and LAN scan (issue 4).
export type * from './network/types.js';
export type * from './printers/types.js';
export type * from './scan/types.js';
export { readNetworkConfig } from './network/config.js';
export { runLadder } from './network/ladder.js';
export { measureLatency } from './network/latency.js';
export { defaultEndpointList, parseEndpointList } from './network/endpoints.js';
export { scanLan } from './scan/scan-lan.js';
export { parseCidr, localRanges, onLinkRanges } from './scan/cidr.js';
export { printerBackend } from './printers/backend.js';
export { queryIppPrinter } from './printers/ipp-printer.js';
export { querySnmpPrinter } from './printers/snmp-printer.js';
export { enrichPrinter } from './printers/status.js';
