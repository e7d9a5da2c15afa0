import { setMaxListeners } from 'node:events';

import { probes as registeredProbes } from './probes.js';
import { markBlocked } from './blocking.js';
import { isCheckResult, unknownCheck } from './checks.js';
import type { Area, CheckResult, LocalText, Probe, ProbeContext } from './types.js';

/** One progress event of a sweep: a probe started, or finished with its checks. */
export type SweepProgress = Readonly<{
  event: 'probe-started' | 'probe-finished';
  probeId: string;
  area: Area;
  title: LocalText;
  /** The finished probe's checks (only on `probe-finished`). */
  checks?: readonly CheckResult[];
  /** Probes finished so far, and in all. */
  done: number;
  total: number;
  /** 0–100. */
  percent: number;
}>;

/** Options of {@link runSweep}. */
export type SweepOptions = Readonly<{
  /** Probes to run (default: the registry in `probes.ts`). */
  probes?: readonly Probe[];
  /** Areas or probe ids to keep; empty or absent runs everything. */
  only?: readonly string[];
  /** Cancels the sweep: unfinished probes end as `unknown` ("aborted"). */
  signal?: AbortSignal;
  onProgress?: (event: SweepProgress) => void;
}>;

/** What a sweep found, and how long it took. */
export type SweepResult = Readonly<{ checks: CheckResult[]; durationMs: number }>;

/** Keeps the probes named by `only` (an area, a probe id, or an id prefix such as `signature.`). */
export function selectProbes(all: readonly Probe[], only?: readonly string[]): Probe[] {
  if (only === undefined || only.length === 0) return [...all];
  return all.filter((probe) =>
    only.some(
      (name) => name === probe.area || name === probe.id || probe.id.startsWith(`${name}.`),
    ),
  );
}

/**
 * Runs probes in parallel, each under its own hard timeout (`probe.timeoutMs`) and abort signal.
 * Never rejects: a probe that throws, hangs, is aborted or returns something that is not a list
 * of checks becomes one `unknown` check saying why. Checks come back in probe order.
 */
export async function runSweep(
  ctx: ProbeContext,
  options: SweepOptions = {},
): Promise<SweepResult> {
  // A fresh identity per sweep: per-sweep caches (the Windows facts batch) are keyed by it, so a
  // context that lives as long as the service never serves an earlier sweep's facts.
  return runSweepSharing({ ...ctx }, options);
}

/**
 * {@link runSweep} on `sweepCtx` as given: whoever else uses that same context object during the
 * sweep (the snapshot's identity lookup) shares its per-sweep caches — one Windows facts batch.
 */
export async function runSweepSharing(
  sweepCtx: ProbeContext,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const started = Date.now();
  const selected = selectProbes(options.probes ?? registeredProbes, options.only);
  // One listener on the caller's signal; the probes listen to our own (many listeners are fine).
  const inner = new AbortController();
  setMaxListeners(0, inner.signal);
  const forward = (): void => inner.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener('abort', forward, { once: true });
  let done = 0;
  const emit = (event: SweepProgress): void => {
    try {
      options.onProgress?.(event);
    } catch {
      // A failing listener must not stop the sweep.
    }
  };
  const results = await Promise.all(
    selected.map(async (probe) => {
      emit({
        ...base(probe),
        event: 'probe-started',
        done,
        total: selected.length,
        percent: pct(done, selected.length),
      });
      const checks = await runProbe(sweepCtx, probe, inner.signal);
      done += 1;
      emit({
        ...base(probe),
        event: 'probe-finished',
        checks,
        done,
        total: selected.length,
        percent: pct(done, selected.length),
      });
      return checks;
    }),
  );
  options.signal?.removeEventListener('abort', forward);
  return { checks: markBlocked(results.flat()), durationMs: Date.now() - started };
}

function base(probe: Probe): Pick<SweepProgress, 'probeId' | 'area' | 'title'> {
  return { probeId: probe.id, area: probe.area, title: probe.title };
}

function pct(done: number, total: number): number {
  return total === 0 ? 100 : Math.round((done / total) * 100);
}

/** Runs one probe to completion, timeout or abort; always resolves to checks. */
export async function runProbe(
  ctx: ProbeContext,
  probe: Probe,
  outer?: AbortSignal,
): Promise<CheckResult[]> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`timeout: no answer within ${probe.timeoutMs} ms`),
      probe.timeoutMs,
    );
    onAbort = () => resolve('aborted: the sweep was cancelled');
    if (outer?.aborted) onAbort();
    else outer?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const outcome = await Promise.race([
      Promise.resolve()
        .then(() => probe.run(ctx, { signal: controller.signal }))
        .then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        ),
      stop.then((reason) => ({ stopped: reason })),
    ]);
    if ('stopped' in outcome) {
      controller.abort(new Error(outcome.stopped));
      return [unknownCheck(probe, outcome.stopped)];
    }
    if ('error' in outcome) return [unknownCheck(probe, `error: ${describeError(outcome.error)}`)];
    return validate(probe, outcome.value);
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) outer?.removeEventListener('abort', onAbort);
  }
}

function validate(probe: Probe, value: unknown): CheckResult[] {
  if (!Array.isArray(value)) return [unknownCheck(probe, 'invalid result: not a list of checks')];
  if (value.length === 0)
    return [unknownCheck(probe, 'invalid result: the probe returned no check')];
  const bad = value.findIndex((item) => !isCheckResult(item));
  if (bad >= 0) return [unknownCheck(probe, `invalid result: item ${bad} is not a check`)];
  return value as CheckResult[];
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
