import type { IpcResult, ServiceFailure } from '../service/define.js';
import { describeFailure } from '../service/errors.js';
import type { CommandIo } from './command.js';

/** How {@link printResult} maps a failure to an exit code. */
export type PrintOptions = Readonly<{
  /**
   * Request fields filled straight from the user's flags (e.g. `format` from `--format`): the
   * service refusing one of them is bad input, exit 2, as a usage error is. The door checks
   * nothing itself; the service's validation decides.
   */
  flagFields?: readonly string[];
}>;

function isUsage(failure: ServiceFailure, fields: readonly string[] = []): boolean {
  if (failure.code !== 'invalid-request') return false;
  return (failure.issues ?? []).some((issue) =>
    fields.some((f) => issue.path === f || issue.path.startsWith(`${f}.`)),
  );
}

/**
 * Prints a service result the way every command does: `--json` prints the value (or the
 * failure) as JSON; otherwise `format` renders readable lines. Returns the exit code
 * (0 ok, 1 failure, 2 when the service refused a value the user typed: see `flagFields`).
 */
export function printResult<T>(
  io: CommandIo,
  result: IpcResult<T>,
  format: (value: T) => readonly string[],
  options: PrintOptions = {},
): number {
  const failed = result.ok ? 0 : isUsage(result.error, options.flagFields) ? 2 : 1;
  if (io.json) {
    io.out(JSON.stringify(result.ok ? result.value : { error: result.error }, null, 2));
    return failed;
  }
  if (!result.ok) {
    io.err(`xaso: ${describeFailure(result.error, io.lang)}`);
    return failed;
  }
  for (const line of format(result.value)) io.out(line);
  return 0;
}
