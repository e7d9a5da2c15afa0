import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import type { checklistsContract } from './contract.js';
import type { ChecklistsDeps } from './deps.js';
import { findBuiltinDir } from './library.js';
import { libraryHandlers } from './library-handlers.js';
import { createProbeRunner } from './probe-runner.js';
import { runHandlers } from './run-handlers.js';

/**
 * Handlers of the `checklists:*` channels. `overrides` lets tests point at their own probes,
 * probe context (loopback peers) or built-in folder.
 */
export function checklistsHandlers(
  env: ServiceEnv,
  overrides: Partial<Omit<ChecklistsDeps, 'env'>> = {},
): Handlers<typeof checklistsContract> {
  const deps: ChecklistsDeps = {
    env,
    runner: overrides.runner ?? createProbeRunner(),
    builtinDir: 'builtinDir' in overrides ? overrides.builtinDir : (env.builtinChecklistsDir ?? findBuiltinDir()),
  };
  return { ...libraryHandlers(deps), ...runHandlers(deps) };
}
