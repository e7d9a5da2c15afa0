import { machineProbes } from './machine-probes.js';
import { networkProbe } from './network/network-probe.js';
import { printersProbe } from './printers/printers-probe.js';
import type { Probe } from './types.js';

/**
 * Every probe of the sweep. Each area's owner adds its probes here; the sweep runs them all in
 * parallel, each with its own timeout.
 */
export const probes: readonly Probe[] = [...machineProbes, networkProbe, printersProbe];
