/**
 * A fake HostContext for tests: any platform, a scripted RunCommand, fake `os` facts and an
 * empty in-memory file system (no systeminformation), so nothing reads the real machine.
 */
import type { CommandOutput, HostContext, RunCommand } from '../../diagnostics/types.js';
import { createPowerShellRunner } from '../../diagnostics/windows/powershell.js';
import { fakeFs, fakeOs } from '../fakes/fake-host.js';

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
  platform: HostContext['platform'],
  run: RunCommand,
  extra: Partial<HostContext> = {},
): HostContext {
  return {
    platform,
    run,
    powershell: createPowerShellRunner(run, {}),
    now: () => Date.parse('2026-11-23T08:00:00Z'),
    env: {},
    os: fakeOs(),
    fs: fakeFs(),
    ...extra,
  };
}
