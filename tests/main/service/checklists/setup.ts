/**
 * Shared set-up of the checklists tests: a service over the checklists contract only, with a
 * temp data folder, a chosen built-in folder and chosen probes (real diagnostics probes pointed
 * at real peers; never fake probes that pass).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { createProbeContext } from '../../../../diagnostics/index.js';
import type { Probe, ProbeContext } from '../../../../diagnostics/types.js';
import { checklistsContract } from '../../../../main/service/checklists/contract.js';
import { checklistsHandlers } from '../../../../main/service/checklists/handlers.js';
import { createProbeRunner } from '../../../../main/service/checklists/probe-runner.js';
import type { RunView } from '../../../../main/service/checklists/run-model.js';
import { defaultEnv } from '../../../../main/service/env.js';
import { createServiceFrom, type Service } from '../../../../main/service/index.js';

/** The shipped checklists folder. */
export const BUILTIN_DIR = resolve('checklists');

export type TestService = Readonly<{
  service: Service<typeof checklistsContract>;
  dataDir: string;
  /** Invokes and unwraps: throws with the failure text when the request fails. */
  call: <T = RunView>(channel: string, payload: unknown, onProgress?: (e: unknown) => void) => Promise<T>;
  cleanup: () => Promise<void>;
}>;

/** A service over temp data with `probes` (default none) in `ctx`, built-ins from `builtinDir`. */
export async function makeService(
  options: Readonly<{ probes?: readonly Probe[]; ctx?: ProbeContext; builtinDir?: string | undefined; dataDir?: string }> = {},
): Promise<TestService> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'x5-checklists-')));
  const env = defaultEnv({ door: 'test', version: '0.0.0-test', dataDir });
  const runner = createProbeRunner(options.probes ?? [], options.ctx ?? createProbeContext());
  const builtinDir = 'builtinDir' in options ? options.builtinDir : BUILTIN_DIR;
  const service = createServiceFrom(checklistsContract, checklistsHandlers(env, { runner, builtinDir }));
  return {
    service,
    dataDir,
    call: async <T,>(channel: string, payload: unknown, onProgress?: (e: unknown) => void) => {
      const result = await service.invokeUnknown(channel, payload, onProgress === undefined ? {} : { onProgress });
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en} ${JSON.stringify(result.error.issues ?? [])}`);
      return result.value as T;
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** A 1×1 PNG data URL (a real PNG). */
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
