import type { ChecklistRunSummary } from './summary.js';
import type { Run, RunView } from './run-model.js';
import type { Step } from './schema.js';
import { holdsAtEnd } from './engine.js';

/** `counts` of a completed run whose checklist declares them (and whose `when` holds). */
function countsOf(view: RunView): Pick<ChecklistRunSummary, 'counts'> {
  const counts = view.run.checklist.counts;
  if (view.run.status !== 'completed' || counts === undefined) return {};
  if (counts.when !== undefined && !holdsAtEnd(view, counts.when)) return {};
  return { counts: { category: counts.category, role: counts.role } };
}

/** False for a private answer (a citizen's dossier code) the intern did not choose to share. */
function shared(step: Step, run: Run): boolean {
  if (step.kind !== 'question' || step.privateAnswer === undefined) return true;
  return run.steps[step.privateAnswer.unlessAnswer]?.answer === 'yes';
}

/**
 * What a visit keeps of a run: every step's title and outcome, answers (not private ones the
 * intern did not choose to share), notes, override reasons, photos, the sign-off, and what a
 * completed run counts for. Pure; the renderer may call it too.
 */
export function toRunSummary(view: RunView): ChecklistRunSummary {
  const { run } = view;
  const outcomes = new Map(view.steps.map((s) => [s.id, s.outcome]));
  return {
    runId: run.runId,
    checklistId: run.checklist.id,
    checklistVersion: run.checklist.version,
    title: run.checklist.title,
    status: run.status,
    startedAt: run.startedAt,
    ...(run.finishedAt === undefined ? {} : { finishedAt: run.finishedAt }),
    ...countsOf(view),
    ...(run.machineFingerprint === undefined ? {} : { machineFingerprint: run.machineFingerprint }),
    steps: run.checklist.steps.map((step) => {
      const state = run.steps[step.id];
      const note = [state?.note, state?.followUp === undefined ? undefined : `→ ${state.followUp}`]
        .filter((part): part is string => part !== undefined && part.trim() !== '')
        .join(' ');
      return {
        stepId: step.id,
        title: step.title,
        outcome: outcomes.get(step.id) ?? 'pending',
        ...(state?.answer === undefined || !shared(step, run) ? {} : { answer: state.answer }),
        ...(note === '' ? {} : { note }),
        ...(state?.overrideReason === undefined ? {} : { overrideReason: state.overrideReason }),
        ...(state === undefined || state.evidence.length === 0
          ? {}
          : { evidence: state.evidence.map((e) => ({ name: e.name, dataUrl: e.dataUrl })) }),
      };
    }),
    ...(run.signOff === undefined
      ? {}
      : {
          signOff: {
            name: run.signOff.name,
            position: run.signOff.position,
            signaturePng: run.signOff.signaturePng,
            signedAt: run.signOff.signedAt,
          },
        }),
  };
}
