/**
 * The personal and remote signature checklists (issue 14 §1) and the training record (§4) run
 * to completion through the real service, and a completed run's summary carries what it counts
 * for in the supervisor's indicators.
 */
import { afterEach, describe, expect, it } from 'vitest';

import type { RunView } from '../../../../main/service/checklists/run-model.js';
import type { Step } from '../../../../main/service/checklists/schema.js';
import type { ChecklistRunSummary } from '../../../../main/service/checklists/summary.js';
import { makeService, type TestService } from './setup.js';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.cleanup();
  svc = undefined;
});

/** A passing answer for a step (the first option that is not a failing one). */
function happy(step: Step, choices: Readonly<Record<string, string>>): string | undefined {
  if (step.kind === 'instruction') return undefined;
  if (step.kind === 'check') return 'yes';
  const input = step.input;
  switch (input.type) {
    case 'yes-no':
      return 'yes';
    case 'choice':
      return choices[step.id] ?? input.options.find((o) => !(step.failing?.values ?? []).includes(o.value))?.value;
    case 'number':
      return String(input.min ?? 1);
    case 'text':
      return 'Buổi thử';
    case 'file-sha256':
      return input.expect[0];
  }
}

/** Answers the wizard's next step until the run completes (bounded by the step count). */
async function runThrough(checklistId: string, choices: Readonly<Record<string, string>> = {}): Promise<RunView> {
  let view = await svc!.call('checklists:start-run', { checklistId });
  for (let i = 0; i <= view.run.checklist.steps.length && view.run.status === 'in-progress'; i++) {
    const next = view.steps.find((s) => s.visible && !s.complete);
    if (next === undefined) break;
    const step = view.run.checklist.steps.find((s) => s.id === next.id)!;
    const value = happy(step, choices);
    view = await svc!.call('checklists:answer', { runId: view.run.runId, stepId: step.id, ...(value === undefined ? {} : { value }) });
  }
  return view;
}

describe.each([
  ['vneid-signature', {}],
  ['smartca-enrol', {}],
  ['mysign-enrol', {}],
  ['sim-ca-pin', {}],
  ['remote-sign-document', { signature: 'smartca', what: 'pdf' }],
] as const)('%s', (checklistId, choices) => {
  it('runs to completion and counts one personal signature for a citizen', async () => {
    svc = await makeService();
    const view = await runThrough(checklistId, choices);
    expect(view.run.status).toBe('completed');
    const summary = await svc.call<ChecklistRunSummary>('checklists:summary', { runId: view.run.runId });
    expect(summary.counts).toEqual({ category: 'personal-signature', role: 'citizen' });
  });

  it('is found by the diacritic-free search "chu ky so"', async () => {
    svc = await makeService();
    const { checklists } = await svc.call<{ checklists: { id: string }[] }>('checklists:list', { query: 'chu ky so' });
    expect(checklists.map((c) => c.id)).toContain(checklistId);
  });
});

describe('ai-assistant-training', () => {
  it('records the topic and the number of people, and counts officials trained', async () => {
    svc = await makeService();
    const view = await runThrough('ai-assistant-training');
    expect(view.run.status).toBe('completed');
    const summary = await svc.call<ChecklistRunSummary>('checklists:summary', { runId: view.run.runId });
    expect(summary.counts).toEqual({ category: 'officials-trained', role: 'official' });
    expect(summary.steps.find((s) => s.stepId === 'topic')?.answer).toBe('Buổi thử');
    expect(summary.steps.find((s) => s.stepId === 'people')?.answer).toBe('1');
  });

  it('names both laws on what not to paste, and refuses a head count of 0', async () => {
    svc = await makeService();
    const { checklist } = await svc.call<{ checklist: { steps: { id: string; body?: { vi: string } }[] } }>('checklists:get', { id: 'ai-assistant-training' });
    const never = checklist.steps.find((s) => s.id === 'never-paste')?.body?.vi ?? '';
    expect(never).toMatch(/29\/2018\/QH14/);
    expect(never).toMatch(/91\/2025\/QH15/);
    const { run } = await svc.call('checklists:start-run', { checklistId: 'ai-assistant-training' });
    const zero = await svc.service.invoke('checklists:answer', { runId: run.runId, stepId: 'people', value: 0 });
    expect(zero.ok).toBe(false);
  });
});

describe('vneid (counted only when the account reached level 2)', () => {
  it('install + level 2 "yes" counts vneid-level2 for a citizen', async () => {
    svc = await makeService();
    const view = await runThrough('vneid', { task: 'install' });
    expect(view.run.status).toBe('completed');
    const summary = await svc.call<ChecklistRunSummary>('checklists:summary', { runId: view.run.runId });
    expect(summary.counts).toEqual({ category: 'vneid-level2', role: 'citizen' });
  });

  it('moving to a new phone completes but counts nothing', async () => {
    svc = await makeService();
    const view = await runThrough('vneid', { task: 'new-phone' });
    expect(view.run.status).toBe('completed');
    const summary = await svc.call<ChecklistRunSummary>('checklists:summary', { runId: view.run.runId });
    expect(summary.counts).toBeUndefined();
  });
});
