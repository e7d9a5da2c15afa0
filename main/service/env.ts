import { createHostContext } from '../../diagnostics/context.js';
import type { HostContext, Probe, ProbeSettings } from '../../diagnostics/types.js';

/** Everything the service needs from its host, injected by each door (and by tests). */
export type ServiceEnv = Readonly<{
  version: string;
  /** The host's platform (the same as `host.platform`). */
  platform: HostContext['platform'];
  arch: string;
  nodeVersion: string;
  /** Folder for visits, checklist runs, keys. Created on demand. */
  dataDir: string;
  portable: boolean;
  door: 'electron' | 'cli' | 'web' | 'test';
  /** Clock, injectable for tests. */
  now: () => Date;
  /**
   * The machine every probe looks at (platform, commands, PowerShell, os facts, file reads),
   * built once by the door with `createHostContext`. A test swaps it whole ("run as Windows").
   * `diagnostics.settings` is merged into it once, when the service is created.
   */
  host: HostContext;
  /**
   * The shipped `checklists/` folder (built-in checklist files). Default: found by walking up
   * from the service's own file (sources and `out/` bundles alike).
   */
  builtinChecklistsDir?: string;
  /** Diagnostics overrides: probe settings (loopback peers in tests) and the probe list. */
  diagnostics?: Readonly<{ settings?: ProbeSettings; probes?: readonly Probe[] }>;
}>;

/**
 * Builds an environment with sensible defaults: `host` is this machine (`createHostContext()`)
 * unless given; `platform` is always the host's, `arch` the host's unless given.
 */
export function defaultEnv(
  overrides: Partial<ServiceEnv> & Pick<ServiceEnv, 'dataDir' | 'door' | 'version'>,
): ServiceEnv {
  const host = overrides.host ?? createHostContext();
  return {
    arch: host.os.arch(),
    nodeVersion: process.versions.node,
    portable: false,
    now: () => new Date(),
    ...overrides,
    host,
    // Never two answers to "which OS is this": the service's platform is its host's.
    platform: host.platform,
  };
}

/**
 * The env whose `host` carries `env.diagnostics.settings` (when given, they replace the host's
 * own settings, as a door's explicit settings always did). Called once, by `createHandlers`.
 */
export function withProbeSettings(env: ServiceEnv): ServiceEnv {
  const settings = env.diagnostics?.settings;
  return settings === undefined ? env : { ...env, host: { ...env.host, settings } };
}
