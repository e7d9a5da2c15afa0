import { runCommand } from './run-command.js';
import type { Platform, ProbeContext } from './types.js';

/** The platform of this process, narrowed to the three the library knows. */
function currentPlatform(): Platform {
  return process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
}

/**
 * The real probe context: this process's platform, `runCommand`, `Date.now` and environment.
 * Tests and doors override any part (`settings` points probes at loopback peers).
 */
export function createProbeContext(overrides: Partial<ProbeContext> = {}): ProbeContext {
  return {
    platform: currentPlatform(),
    run: runCommand,
    now: () => Date.now(),
    env: { ...process.env },
    ...overrides,
  };
}
