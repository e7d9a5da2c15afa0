/**
 * Windows facts of one sweep: one PowerShell spawn for every section in the happy path, shared
 * by every probe. Each section has its own budget: when one hangs past it, PowerShell is killed,
 * that section (only) becomes "no answer within N s", and a new PowerShell runs the sections
 * that had not started. A probe gets its section as soon as its line arrives. When every probe
 * still waiting has been cancelled, PowerShell is killed.
 */
import { failed, ok } from '../checks.js';
import { CommandAbortedError } from '../errors.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { FACT_SECTIONS, factsScript, type FactSection } from './facts-script.js';
import { outputProblem, POWERSHELL_MAX_BYTES, powershellCommandText } from './powershell.js';

/** Time PowerShell may take to start and print its first line (AV scanning slows it). */
export const FACTS_STARTUP_MS = 15_000;

/** Default budget of one section. */
export const SECTION_BUDGET_MS = 8_000;

/** Sections known to be slower (many registry keys, many certificates, CIM over WMI repair). */
const SECTION_BUDGETS: Partial<Record<FactSection, number>> = {
  uninstall: 12_000,
  certs: 10_000,
  hotfix: 12_000,
  usb: 10_000,
};

/** The budget of `section`, in milliseconds. */
export function sectionBudget(section: FactSection): number {
  return SECTION_BUDGETS[section] ?? SECTION_BUDGET_MS;
}

/** One parsed line of the batch. */
export type FactsLine =
  | Readonly<{ section: FactSection; kind: 'start' }>
  | Readonly<{ section: FactSection; kind: 'done'; result: ProbeResult<unknown> }>;

const KNOWN = new Set<string>(FACT_SECTIONS);

/** Parses one stdout line of the batch; undefined for a stray line (banner, warning…). */
export function parseFactsLine(line: string): FactsLine | undefined {
  const text = line.replace(/^\uFEFF/, '').trim();
  if (!text.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const section = record['section'];
  if (typeof section !== 'string' || !KNOWN.has(section)) return undefined;
  const name = section as FactSection;
  if (record['start'] === true) return { section: name, kind: 'start' };
  if ('error' in record) {
    return {
      section: name,
      kind: 'done',
      result: failed(`PowerShell (${name}): ${String(record['error'])}`),
    };
  }
  return { section: name, kind: 'done', result: ok(record['value'] ?? null) };
}

/** Every section of a whole stdout (a capture, a recording): what finished, by name. */
export function parseFactsOutput(stdout: string): Map<FactSection, ProbeResult<unknown>> {
  const results = new Map<FactSection, ProbeResult<unknown>>();
  for (const line of stdout.split(/\r?\n/)) {
    const parsed = parseFactsLine(line);
    if (parsed?.kind === 'done') results.set(parsed.section, parsed.result);
  }
  return results;
}

type Waiter = { resolve: (r: ProbeResult<unknown>) => void; signal?: AbortSignal };

/** One batch in flight: results by section, and the probes waiting for them. */
class FactsBatch {
  readonly results = new Map<FactSection, ProbeResult<unknown>>();
  private readonly waiters = new Map<FactSection, Waiter[]>();
  private readonly controller = new AbortController();

  constructor(private readonly ctx: ProbeContext) {
    void this.runAll([...FACT_SECTIONS]);
  }

  /** The result of `section`, or `aborted` when `signal` fires first. */
  get(section: FactSection, signal?: AbortSignal): Promise<ProbeResult<unknown>> {
    const known = this.results.get(section);
    if (known !== undefined) return Promise.resolve(known);
    if (signal?.aborted === true) return Promise.resolve(failed('aborted'));
    return new Promise((resolve) => {
      const waiter: Waiter = { resolve, ...(signal === undefined ? {} : { signal }) };
      const list = this.waiters.get(section) ?? [];
      list.push(waiter);
      this.waiters.set(section, list);
      signal?.addEventListener(
        'abort',
        () => {
          resolve(failed('aborted'));
          this.dropIfNobodyWaits();
        },
        { once: true },
      );
    });
  }

  private settle(section: FactSection, result: ProbeResult<unknown>): void {
    if (this.results.has(section)) return;
    this.results.set(section, result);
    for (const waiter of this.waiters.get(section) ?? []) waiter.resolve(result);
    this.waiters.delete(section);
  }

  /** Kills PowerShell when every probe still waiting has given up (the sweep was cancelled). */
  private dropIfNobodyWaits(): void {
    const live = [...this.waiters.values()].flat().some((w) => w.signal?.aborted !== true);
    const unwaitedOnly = [...this.waiters.values()].flat().length > 0;
    if (!live && unwaitedOnly) this.controller.abort();
  }

  private async runAll(pending: FactSection[]): Promise<void> {
    let rest = pending;
    while (rest.length > 0 && !this.controller.signal.aborted) {
      rest = await this.runOnce(rest);
    }
    for (const section of pending) this.settle(section, failed('aborted'));
  }

  /** One PowerShell for `sections`; returns the sections still to run after a hung one. */
  private async runOnce(sections: FactSection[]): Promise<FactSection[]> {
    const started = new Set<FactSection>();
    const local = new AbortController();
    const stop = (): void => local.abort();
    this.controller.signal.addEventListener('abort', stop, { once: true });
    let current: FactSection | undefined;
    let hung: FactSection | undefined;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number, section: FactSection | undefined): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        hung = section ?? sections.find((s) => !started.has(s));
        local.abort();
      }, ms);
    };
    let buffer = '';
    const onLine = (line: string): void => {
      const parsed = parseFactsLine(line);
      if (parsed === undefined) return;
      if (parsed.kind === 'start') {
        current = parsed.section;
        started.add(parsed.section);
        arm(sectionBudget(parsed.section), parsed.section);
      } else {
        this.settle(parsed.section, parsed.result);
        current = undefined;
        arm(SECTION_BUDGET_MS, undefined);
      }
    };
    arm(FACTS_STARTUP_MS, undefined);
    let endReason: string | undefined;
    try {
      const output = await this.ctx.powershell(powershellCommandText(factsScript(sections)), {
        timeoutMs: FACTS_STARTUP_MS + sections.reduce((s, n) => s + sectionBudget(n), 0),
        signal: local.signal,
        onStdout: (text) => {
          buffer += text;
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          lines.forEach(onLine);
        },
      });
      onLine(buffer);
      // A recording answers at once, without streaming: read the whole stdout too.
      for (const [section, result] of parseFactsOutput(output.stdout)) this.settle(section, result);
      if (output.truncated && current !== undefined) {
        // One section printed more than the cap: it alone is lost; the rest run in a new PowerShell.
        this.settle(
          current,
          failed(
            `the answer was larger than ${POWERSHELL_MAX_BYTES / 1024 / 1024} MiB and was cut`,
          ),
        );
        return sections.filter((s) => !started.has(s) && !this.results.has(s));
      }
      endReason = outputProblem(output) ?? 'PowerShell ended before this section';
    } catch (error) {
      endReason =
        error instanceof CommandAbortedError || local.signal.aborted ? undefined : String(error);
      if (endReason === undefined && hung === undefined) endReason = 'aborted';
    } finally {
      clearTimeout(timer);
      this.controller.signal.removeEventListener('abort', stop);
    }
    if (hung !== undefined && started.size === 0) {
      endReason = `timeout: PowerShell did not start within ${Math.round(FACTS_STARTUP_MS / 1000)} s`;
    } else if (hung !== undefined) {
      const budget = current === undefined ? SECTION_BUDGET_MS : sectionBudget(hung);
      this.settle(hung, failed(`timeout: no answer within ${Math.round(budget / 1000)} s`));
      return sections.filter((s) => !started.has(s) && !this.results.has(s) && s !== hung);
    }
    for (const section of sections) this.settle(section, failed(endReason ?? 'aborted'));
    return [];
  }
}

const batches = new WeakMap<ProbeContext, FactsBatch>();

/** The section `name` of this sweep's Windows facts (one batch per context), honouring `signal`. */
export function windowsSection(
  ctx: ProbeContext,
  name: FactSection,
  signal?: AbortSignal,
): Promise<ProbeResult<unknown>> {
  let batch = batches.get(ctx);
  if (batch === undefined) {
    batch = new FactsBatch(ctx);
    batches.set(ctx, batch);
  }
  return batch.get(name, signal);
}
