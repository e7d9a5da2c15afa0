import { delimiter } from 'node:path';

import { runCommand } from './run-command.js';
import type { Platform, ProbeContext, ProbeSettings } from './types.js';
import { createPowerShellRunner } from './windows/powershell.js';

/** The platform of this process, narrowed to the three the library knows. */
function currentPlatform(): Platform {
  return process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
}

/**
 * The real probe context: this process's platform, `runCommand`, `Date.now` and environment.
 * Tests and doors override any part (`settings` points probes at loopback peers).
 */
export function createProbeContext(overrides: Partial<ProbeContext> = {}): ProbeContext {
  const env = { ...process.env };
  const settings = settingsFromEnv(env);
  const platform = currentPlatform();
  return {
    platform,
    run: runCommand,
    // Windows: PowerShell 5.1 by absolute path. Elsewhere PowerShell 7 (`pwsh`) if installed:
    // no probe asks for it there; `xaso capture --scripts` and developers may.
    powershell: createPowerShellRunner(runCommand, env, platform === 'win32' ? undefined : (env['XASO_PWSH'] ?? 'pwsh')),
    now: () => Date.now(),
    env,
    ...(settings === undefined ? {} : { settings }),
    ...overrides,
  };
}

/**
 * Field overrides from the environment: `XASO_NTP_SERVER` (host[:port]) and
 * `XASO_PKCS11_MODULES` (module paths separated by the path delimiter).
 */
export function settingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ProbeSettings | undefined {
  const settings: { ntpServer?: string; pkcs11Modules?: string[] } = {};
  if (env['XASO_NTP_SERVER']) settings.ntpServer = env['XASO_NTP_SERVER'];
  if (env['XASO_PKCS11_MODULES'])
    settings.pkcs11Modules = env['XASO_PKCS11_MODULES'].split(delimiter).filter((p) => p !== '');
  return Object.keys(settings).length === 0 ? undefined : settings;
}
