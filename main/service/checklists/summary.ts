import type { LocalText } from '../define.js';
import type { ChecklistCounts } from './schema.js';

/**
 * What a visit keeps of one checklist run (the run itself, with every answer and piece of
 * evidence, lives in the checklist store). Owned by the checklists domain; visits and reports
 * read it.
 */
export type ChecklistRunSummary = Readonly<{
  runId: string;
  checklistId: string;
  checklistVersion: string;
  title: LocalText;
  status: 'in-progress' | 'completed' | 'abandoned';
  startedAt: string;
  finishedAt?: string;
  /**
   * What this run counts for in the supervisor's indicators (the checklist's `counts`): present
   * only on a completed run of a checklist that declares it.
   */
  counts?: ChecklistCounts;
  /** Machine fingerprint the run was done on, when it concerned a PC. */
  machineFingerprint?: string;
  steps: readonly Readonly<{
    stepId: string;
    title: LocalText;
    outcome: 'passed' | 'failed' | 'overridden' | 'answered' | 'skipped' | 'pending';
    answer?: string;
    note?: string;
    /** Reason given when the intern overrode a failed automatic check. */
    overrideReason?: string;
    /** Photos/screenshots as data URLs (image/png or image/jpeg). */
    evidence?: readonly Readonly<{ name: string; dataUrl: string }>[];
  }>[];
  signOff?: Readonly<{
    name: string;
    position: string;
    /** Drawn signature, PNG data URL. */
    signaturePng: string;
    signedAt: string;
  }>;
}>;
