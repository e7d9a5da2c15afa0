import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import type { checklistsContract } from './contract.js';
import type { ChecklistsDeps } from './deps.js';
import { findBuiltinDir } from './library.js';
import { libraryHandlers } from './library-handlers.js';
import { probes as registry } from '../../../diagnostics/index.js';
import { createProbeRunner } from './probe-runner.js';
import { provinceProbeSettings } from '../province/settings.js';
import { runHandlers } from './run-handlers.js';

/**
 * Handlers of the `checklists:*` channels. Probes come from `env.diagnostics` and the machine
 * from `env.host` (the same as the sweep's); `overrides` lets tests replace the runner or the
 * built-in folder.
 */
export function checklistsHandlers(
  env: ServiceEnv,
  overrides: Partial<Omit<ChecklistsDeps, 'env'>> = {},
): Handlers<typeof checklistsContract> {
  const deps: ChecklistsDeps = {
    env,
    runner:
      overrides.runner ??
createProbeRunner(env.diagnostics?.probes ?? registry, env.host, () => provinceProbeSettings(env)),
    builtinDir: 'builtinDir' in overrides ? overrides.builtinDir : (env.builtinChecklistsDir ?? findBuiltinDir()),
  };
  return { ...libraryHandlers(deps), ...runHandlers(deps) };
}
