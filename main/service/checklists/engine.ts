/**
 * The run engine: pure functions from a run (and the probe ids the registry knows) to what the
 * wizard shows, and from an intern's action to the next run. No I/O: the store saves every
 * result, the handlers glue the two.
 */
import type { Condition, Match, Step } from './schema.js';
import type { Missing, Run, RunView, StepOutcome, StepState, StepView } from './run-model.js';

const EMPTY: StepState = { evidence: [] };

/** The state of `stepId` in `run` (an empty one if never touched). */
export function stateOf(run: Run, stepId: string): StepState {
  return run.steps[stepId] ?? EMPTY;
}

/** True for a check step whose probe the registry lacks: the intern confirms it by hand. */
export function isManual(step: Step, probeIds: ReadonlySet<string>): boolean {
  return step.kind === 'check' && !probeIds.has(step.probe);
}

function matches(value: string | undefined, match: Match): boolean {
  if (value === undefined) return false;
  if (match.equals !== undefined && value !== match.equals) return false;
  if (match.in !== undefined && !match.in.includes(value)) return false;
  if (match.notIn?.includes(value) === true) return false;
  return true;
}

type Context = Readonly<{ run: Run; visible: ReadonlyMap<string, StepView>; facts: Readonly<Record<string, string>> }>;

function evaluate(cond: Condition, ctx: Context): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluate(c, ctx));
  if ('any' in cond) return cond.any.some((c) => evaluate(c, ctx));
  if ('not' in cond) return !evaluate(cond.not, ctx);
  if ('fact' in cond) return matches(ctx.facts[cond.fact], cond);
  if ('answer' in cond) {
    const seen = ctx.visible.get(cond.answer);
    return seen?.visible === true && matches(stateOf(ctx.run, cond.answer).answer, cond);
  }
  const seen = ctx.visible.get(cond.outcome);
  return seen?.visible === true && (cond.in as readonly string[]).includes(seen.outcome);
}

/** True when `answer` is a failing answer to question `step`. */
export function isFailingAnswer(step: Step, answer: string | undefined, manual = false): boolean {
  if (answer === undefined) return false;
  if (manual) return answer === 'no';
  if (step.kind === 'question' && step.input.type === 'file-sha256') return !step.input.expect.includes(answer);
  if (step.kind !== 'question' || step.failing === undefined) return false;
  const { values, below, above } = step.failing;
  if (values?.includes(answer) === true) return true;
  const n = Number(answer);
  return (below !== undefined && n < below) || (above !== undefined && n > above);
}

function evidenceMissing(step: Step, state: StepState): Missing[] {
  const require = step.onFail?.require ?? [];
  const missing: Missing[] = [];
  if (require.includes('note') && (state.note ?? '').trim() === '') missing.push('note');
  if (require.includes('photo') && state.evidence.length === 0) missing.push('photo');
  if (require.includes('action') && (state.followUp ?? '').trim() === '') missing.push('action');
  return missing;
}

function judge(step: Step, state: StepState, manual: boolean): Pick<StepView, 'outcome' | 'failing' | 'missing'> {
  if (step.kind === 'instruction') {
    return state.done === true
      ? { outcome: 'answered', failing: false, missing: [] }
      : { outcome: 'pending', failing: false, missing: ['answer'] };
  }
  if (step.kind === 'question' || manual) {
    if (state.answer === undefined) return { outcome: 'pending', failing: false, missing: ['answer'] };
    const failing = isFailingAnswer(step, state.answer, manual);
    return { outcome: failing ? 'failed' : 'answered', failing, missing: failing ? evidenceMissing(step, state) : [] };
  }
  if (state.check === undefined) return { outcome: 'pending', failing: false, missing: ['check'] };
  if (state.check.passed) return { outcome: 'passed', failing: false, missing: [] };
  if (state.overrideReason === undefined) return { outcome: 'failed', failing: true, missing: ['reason'] };
  return { outcome: 'overridden', failing: true, missing: evidenceMissing(step, state) };
}

/** Facts known now: measured ones, then those given by answers of visible questions. */
function factsOf(run: Run, step: Step, facts: Record<string, string>): void {
  if (step.kind !== 'question' || step.fact === undefined) return;
  const answer = stateOf(run, step.id).answer;
  if (answer !== undefined) facts[step.fact] = answer;
}

/** Everything the wizard needs: which steps show, their outcomes, where to resume. */
export function viewRun(run: Run, probeIds: ReadonlySet<string>): RunView {
  const visible = new Map<string, StepView>();
  const facts: Record<string, string> = { ...run.facts };
  for (const step of run.checklist.steps) {
    const shown = step.when === undefined || evaluate(step.when, { run, visible, facts });
    const manual = isManual(step, probeIds);
    const verdict: Pick<StepView, 'outcome' | 'failing' | 'missing'> = shown
      ? judge(step, stateOf(run, step.id), manual)
      : { outcome: 'skipped', failing: false, missing: [] };
    visible.set(step.id, { id: step.id, visible: shown, manual, complete: shown && verdict.missing.length === 0, ...verdict });
    if (shown) factsOf(run, step, facts);
  }
  const steps = [...visible.values()];
  const shownSteps = steps.filter((s) => s.visible);
  const done = shownSteps.filter((s) => s.complete).length;
  const current = shownSteps.find((s) => !s.complete);
  const allDone = current === undefined;
  return {
    run,
    steps,
    ...(current === undefined ? {} : { currentStepId: current.id }),
    progress: { done, total: shownSteps.length },
    readyForSignOff: allDone && run.status !== 'abandoned',
  };
}

/** Recomputes the run's status after a change (completed when every visible step is done). */
export function settle(run: Run, probeIds: ReadonlySet<string>, now: string): Run {
  if (run.status === 'abandoned') return run;
  const view = viewRun(run, probeIds);
  const needsSign = run.checklist.signOff === 'required' && run.signOff === undefined;
  const completed = view.readyForSignOff && !needsSign;
  if (completed) return { ...run, status: 'completed', finishedAt: run.finishedAt ?? now };
  const { finishedAt: _dropped, ...rest } = run;
  return { ...rest, status: 'in-progress' };
}

/** Returns `run` with `stepId`'s state replaced by `change(old)`. */
export function updateStep(run: Run, stepId: string, change: (old: StepState) => StepState): Run {
  return { ...run, steps: { ...run.steps, [stepId]: change(stateOf(run, stepId)) } };
}

/** The outcome words of a view, by step id (for summaries). */
export function outcomes(view: RunView): ReadonlyMap<string, StepOutcome> {
  return new Map(view.steps.map((s) => [s.id, s.outcome]));
}

/**
 * Whether `cond` holds on the finished view (every step's visibility and outcome known, facts
 * from the answers of visible questions): used for what a completed run counts for.
 */
export function holdsAtEnd(view: RunView, cond: Condition): boolean {
  const visible = new Map(view.steps.map((s) => [s.id, s]));
  const facts: Record<string, string> = { ...view.run.facts };
  for (const step of view.run.checklist.steps) if (visible.get(step.id)?.visible === true) factsOf(view.run, step, facts);
  return evaluate(cond, { run: view.run, visible, facts });
}
