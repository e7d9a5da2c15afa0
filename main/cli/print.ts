import type { IpcResult } from '../service/define.js';
import { describeFailure } from '../service/errors.js';
import type { CommandIo } from './command.js';

/**
 * Prints a service result the way every command does: `--json` prints the value (or the
 * failure) as JSON; otherwise `format` renders readable lines. Returns the exit code
 * (0 ok, 1 failure).
 */
export function printResult<T>(
  io: CommandIo,
  result: IpcResult<T>,
  format: (value: T) => readonly string[],
): number {
  if (io.json) {
    io.out(JSON.stringify(result.ok ? result.value : { error: result.error }, null, 2));
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    io.err(`xaso: ${describeFailure(result.error, io.lang)}`);
    return 1;
  }
  for (const line of format(result.value)) io.out(line);
  return 0;
}
