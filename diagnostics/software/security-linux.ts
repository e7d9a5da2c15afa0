/** Linux (and macOS) security facts: the time apt last wrote its history. */
import type { ProbeContext } from '../types.js';

/** The apt history file whose modification time is the last update. */
export const APT_HISTORY = '/var/log/apt/history.log';

/** The mtime of the apt history, or undefined when there is none. */
export async function readLinuxLastUpdate(ctx: ProbeContext): Promise<number | undefined> {
  const st = await ctx.fs.stat(APT_HISTORY).catch(() => undefined);
  return st?.mtimeMs;
}
