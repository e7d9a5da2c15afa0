/**
 * systeminformation, used only for its locale-safe calls (shared/TECH.md §1), one call at a time
 * (overlapping calls hang on Windows: si#748, si#907), each under our own timeout (it has none).
 */
import type * as si from 'systeminformation';

import { failed, ok } from '../checks.js';
import type { ProbeResult } from '../types.js';

type Si = typeof si;

let queue: Promise<unknown> = Promise.resolve();

/** Calls `pick(si)` after every earlier call finished, with a timeout; never throws. */
export function siCall<T>(
  name: string,
  pick: (si: Si) => Promise<T>,
  timeoutMs = 10_000,
): Promise<ProbeResult<T>> {
  const next = queue.then(async () => {
    const lib = (await import('systeminformation')).default as unknown as Si;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ProbeResult<T>>((resolve) => {
      timer = setTimeout(
        () => resolve(failed(`systeminformation.${name}() gave no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([pick(lib).then((data) => ok(data)), timeout]);
    } catch (error) {
      return failed<T>(
        `systeminformation.${name}(): ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      clearTimeout(timer);
    }
  });
  queue = next.catch(() => undefined);
  return next;
}
