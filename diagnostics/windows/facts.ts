/**
 * Windows facts of one sweep, fetched once (one PowerShell spawn) and shared by every probe.
 */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { factsScript, type FactSection } from './facts-script.js';
import { runPowerShellJson } from './powershell.js';

/** Limit of the batched query (PowerShell + CIM + registry; AV scanning can slow it). */
export const FACTS_TIMEOUT_MS = 25_000;

const cache = new WeakMap<ProbeContext, Promise<ProbeResult<unknown>>>();

/**
 * The batch's JSON, memoized per context: the first probe starts it, the others await the same
 * promise. It has its own timeout and is not tied to one probe's signal.
 */
export function windowsFacts(ctx: ProbeContext): Promise<ProbeResult<unknown>> {
  let pending = cache.get(ctx);
  if (pending === undefined) {
    pending = runPowerShellJson(ctx, factsScript(), { timeoutMs: FACTS_TIMEOUT_MS });
    cache.set(ctx, pending);
  }
  return pending;
}

/** Extracts a section of a batch result, turning `{ error }` into a failed result. */
export function sectionOf(batch: ProbeResult<unknown>, name: FactSection): ProbeResult<unknown> {
  if (batch.status !== 'ok') return batch;
  const data = batch.data;
  if (typeof data !== 'object' || data === null || !(name in data)) {
    return failed(`the Windows query returned no "${name}" section`);
  }
  const value = (data as Record<string, unknown>)[name];
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value) {
    return failed(`PowerShell (${name}): ${String((value as { error: unknown }).error)}`);
  }
  return ok(value);
}

/** The section `name` of this sweep's Windows facts, honouring the probe's abort signal. */
export async function windowsSection(
  ctx: ProbeContext,
  name: FactSection,
  signal?: AbortSignal,
): Promise<ProbeResult<unknown>> {
  const batch = windowsFacts(ctx);
  if (signal === undefined) return sectionOf(await batch, name);
  const aborted = new Promise<ProbeResult<unknown>>((resolve) => {
    if (signal.aborted) resolve(failed('aborted'));
    signal.addEventListener('abort', () => resolve(failed('aborted')), { once: true });
  });
  const result = await Promise.race([batch, aborted]);
  return result.status === 'ok' ? sectionOf(result, name) : result;
}
