/**
 * A fake ProbeContext for tests: any platform, a scripted RunCommand.
 */
import type { CommandOutput, ProbeContext, RunCommand } from '../../diagnostics/types.js';
import { createPowerShellRunner } from '../../diagnostics/windows/powershell.js';

/** A RunCommand answering from a function of (file, args). */
export function fakeRun(
  answer: (
    file: string,
    args: readonly string[],
    signal?: AbortSignal,
  ) => Promise<CommandOutput> | CommandOutput,
): RunCommand {
  return async (file, args, options) => answer(file, args, options?.signal);
}

/** Output helper. */
export function output(stdout: string, exitCode: number | null = 0, stderr = ''): CommandOutput {
  return { stdout, stderr, exitCode, truncated: false };
}

/** A context on `platform` whose commands are answered by `run`. */
export function fakeContext(
  platform: ProbeContext['platform'],
  run: RunCommand,
  extra: Partial<ProbeContext> = {},
): ProbeContext {
  return {
    platform,
    run,
    powershell: createPowerShellRunner(run, {}),
    now: () => Date.parse('2026-11-23T08:00:00Z'),
    env: {},
    ...extra,
  };
}
