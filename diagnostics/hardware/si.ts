/**
 * systeminformation, used only for its locale-safe calls (shared/TECH.md §1), one call at a time
 * (overlapping calls hang on Windows: si#748, si#907), each under our own timeout (it has none)
 * and the probe's abort signal. Probes reach it as `ctx.si` (see `context.ts`), never directly.
 */
import { failed, ok, unavailable } from '../checks.js';
import type { ProbeResult, SystemInformation, SystemInformationLib } from '../types.js';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Calls `pick(si)` after every earlier call finished, with a timeout (default 10 s); never
 * throws. An aborted `signal` resolves at once to `aborted` (a call still queued never starts;
 * one already running is left to finish in the background: systeminformation cannot be
 * cancelled).
 */
export const siCall: SystemInformation = <T>(
  name: string,
  pick: (si: SystemInformationLib) => Promise<T>,
  options: Readonly<{ timeoutMs?: number; signal?: AbortSignal }> = {},
): Promise<ProbeResult<T>> => {
  const { timeoutMs = 10_000, signal } = options;
  if (signal?.aborted === true) return Promise.resolve(failed<T>('aborted'));
  const next = queue.then(() =>
    signal?.aborted === true ? failed<T>('aborted') : callOnce(name, pick, timeoutMs, signal),
  );
  queue = next.catch(() => undefined);
  return next;
};

async function callOnce<T>(
  name: string,
  pick: (si: SystemInformationLib) => Promise<T>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<ProbeResult<T>> {
  const lib = (await import('systeminformation')).default as unknown as SystemInformationLib;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<ProbeResult<T>>((resolve) => {
    timer = setTimeout(
      () => resolve(failed(`systeminformation.${name}() gave no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    onAbort = () => resolve(failed('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([pick(lib).then((data) => ok(data)), stop]);
  } catch (error) {
    return failed<T>(
      `systeminformation.${name}(): ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The context's systeminformation, or (fake contexts without one) a stand-in that answers
 * every call as unavailable, so a faked host never reaches this machine's hardware.
 */
export function systemInformationOf(ctx: Readonly<{ si?: SystemInformation }>): SystemInformation {
  return (
    ctx.si ??
    (<T>(name: string): Promise<ProbeResult<T>> =>
      Promise.resolve(
        unavailable<T>(`systeminformation.${name}() is not available in this context`),
      ))
  );
}
