import type { ServiceEnv } from '../env.js';
import type { ProbeRunner } from './probe-runner.js';

/** What the checklists handlers need: the service environment, probes, the built-in folder. */
export type ChecklistsDeps = Readonly<{
  env: ServiceEnv;
  runner: ProbeRunner;
  /** The shipped `checklists/` folder; `undefined` when not found (only imports then). */
  builtinDir: string | undefined;
}>;
