/**
 * A checklist run as saved in `<dataDir>/checklist-runs/<runId>.json` (schema 1): a snapshot of
 * the checklist it follows (so an update never changes a run half-way), the measured facts, and
 * each step's state. No Node imports: the renderer imports the types.
 */
import { z } from 'zod';

import { checklistSchema, localTextSchema } from './schema.js';

const evidenceSchema = z
  .object({
    name: z.string().min(1).max(200),
    /** image/png or image/jpeg data URL. */
    dataUrl: z.string().regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'PNG or JPEG data URL'),
    addedAt: z.string(),
  })
  .strict();

/** One check result as the step keeps it (a trimmed `CheckResult`). */
const checkSeenSchema = z
  .object({
    id: z.string(),
    status: z.enum(['ok', 'warn', 'fail', 'unknown']),
    title: localTextSchema,
    detail: localTextSchema,
    reason: z.string().optional(),
    values: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** The last automatic check of a step. */
const checkRunSchema = z
  .object({
    passed: z.boolean(),
    ranAt: z.string(),
    /** The check the pass rule matched, if the probe produced it. */
    matched: checkSeenSchema.optional(),
    /** Every check the probe produced (to show what was found). */
    checks: z.array(checkSeenSchema),
    /** Why no verdict could be reached (probe missing, timeout…). */
    problem: localTextSchema.optional(),
  })
  .strict();

/** What the intern did on one step. */
export const stepStateSchema = z
  .object({
    answer: z.string().optional(),
    answeredAt: z.string().optional(),
    /** Instruction steps: the intern pressed "done". */
    done: z.boolean().optional(),
    check: checkRunSchema.optional(),
    overrideReason: z.string().optional(),
    note: z.string().optional(),
    followUp: z.string().optional(),
    evidence: z.array(evidenceSchema).default([]),
  })
  .strict();

const signOffSchema = z
  .object({
    name: z.string().min(1),
    position: z.string().min(1),
    signaturePng: z.string().regex(/^data:image\/png;base64,/),
    method: z.enum(['drawn', 'typed']),
    signedAt: z.string(),
  })
  .strict();

/** A whole run file. */
export const runSchema = z
  .object({
    schema: z.literal(1),
    runId: z.string().regex(/^[A-Za-z0-9-]+$/),
    checklist: checklistSchema,
    status: z.enum(['in-progress', 'completed', 'abandoned']),
    startedAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().optional(),
    /** Bumped on every save; lets a reader see how far a run got. */
    revision: z.number().int().nonnegative(),
    facts: z.record(z.string(), z.string()),
    machineFingerprint: z.string().optional(),
    steps: z.record(z.string(), stepStateSchema),
    signOff: signOffSchema.optional(),
  })
  .strict();

/** A saved run (schema 1). */
export type Run = z.output<typeof runSchema>;
/** What was done on one step. */
export type StepState = z.output<typeof stepStateSchema>;
/** The last automatic check of a step. */
export type CheckRun = z.output<typeof checkRunSchema>;
/** The commune official's sign-off. */
export type SignOff = z.output<typeof signOffSchema>;

/** A step's outcome (the same words as `ChecklistRunSummary`). */
export type StepOutcome = 'passed' | 'failed' | 'overridden' | 'answered' | 'skipped' | 'pending';

/** What still blocks a step from counting as done. */
export type Missing = 'answer' | 'check' | 'note' | 'photo' | 'action' | 'reason';

/** A step as the wizard shows it. */
export type StepView = Readonly<{
  id: string;
  visible: boolean;
  outcome: StepOutcome;
  /** True when the step counts as done (visible and nothing missing). */
  complete: boolean;
  /** The answer is a failing one, or the check failed (even if overridden). */
  failing: boolean;
  missing: readonly Missing[];
  /** Check steps whose probe the registry lacks: confirmed by hand (yes/no). */
  manual: boolean;
}>;

/** A run with everything the wizard needs to draw it. */
export type RunView = Readonly<{
  run: Run;
  steps: readonly StepView[];
  /** The first visible step not done: where the wizard resumes. `undefined` when all done. */
  currentStepId?: string;
  progress: Readonly<{ done: number; total: number }>;
  readyForSignOff: boolean;
}>;
