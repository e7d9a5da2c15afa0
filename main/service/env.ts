import { arch, platform } from 'node:process';

import type { Probe, ProbeSettings } from '../../diagnostics/types.js';

/** Everything the service needs from its host, injected by each door (and by tests). */
export type ServiceEnv = Readonly<{
  version: string;
  platform: 'win32' | 'darwin' | 'linux';
  arch: string;
  nodeVersion: string;
  /** Folder for visits, checklist runs, keys. Created on demand. */
  dataDir: string;
  portable: boolean;
  door: 'electron' | 'cli' | 'web' | 'test';
  /** Clock, injectable for tests. */
  now: () => Date;
  /**
   * The shipped `checklists/` folder (built-in checklist files). Default: found by walking up
   * from the service's own file (sources and `out/` bundles alike).
   */
  builtinChecklistsDir?: string;
  /** Diagnostics overrides: probe settings (loopback peers in tests) and the probe list. */
  diagnostics?: Readonly<{ settings?: ProbeSettings; probes?: readonly Probe[] }>;
}>;

/** The platform this process runs on, narrowed to the three the app supports. */
export function currentPlatform(): ServiceEnv['platform'] {
  if (platform === 'win32' || platform === 'darwin') return platform;
  return 'linux';
}

/** Builds an environment for this process with sensible defaults. */
export function defaultEnv(
  overrides: Partial<ServiceEnv> & Pick<ServiceEnv, 'dataDir' | 'door' | 'version'>,
): ServiceEnv {
  return {
    platform: currentPlatform(),
    arch,
    nodeVersion: process.versions.node,
    portable: false,
    now: () => new Date(),
    ...overrides,
  };
}
