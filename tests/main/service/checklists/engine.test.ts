import { describe, expect, it } from 'vitest';

import type { CheckResult } from '../../../../diagnostics/types.js';
import { answerStep, recordCheck } from '../../../../main/service/checklists/actions.js';
import { settle, viewRun } from '../../../../main/service/checklists/engine.js';
import type { Run } from '../../../../main/service/checklists/run-model.js';
import { checklistSchema, compareVersions, type CheckStep } from '../../../../main/service/checklists/schema.js';

const T = { vi: 'x', en: 'x' };
const NOW = '2026-11-23T08:00:00.000Z';
const PROBES = new Set(['p']);

function makeRun(steps: unknown[]): Run {
  const checklist = checklistSchema.parse({
    schema: 1, id: 'e', version: '1', task: 'other', title: T, summary: T, checkedOn: '2026-11-23',
    sources: [{ label: 'l', url: 'https://example.invalid/' }], signOff: 'none', steps,
  });
  return { schema: 1, runId: 'r', checklist, status: 'in-progress', startedAt: NOW, updatedAt: NOW, revision: 0, facts: { platform: 'win32', bits: '32', arch: 'ia32' }, steps: {} };
}

const q = (id: string, extra: object = {}) => ({ id, kind: 'question', title: T, input: { type: 'yes-no' }, ...extra });
const check = (status: CheckResult['status'], id = 'p.a'): CheckResult => ({ id, area: 'os', status, title: T, detail: T });

describe('engine', () => {
  it('evaluates all / any / not / outcome conditions in order', () => {
    let run = makeRun([
      q('a'),
      { id: 'c', kind: 'check', title: T, probe: 'p', pass: { checkId: 'p.*', status: ['ok'] }, fix: T },
      { id: 'all', kind: 'instruction', title: T, when: { all: [{ answer: 'a', equals: 'yes' }, { fact: 'bits', equals: '32' }] } },
      { id: 'any', kind: 'instruction', title: T, when: { any: [{ answer: 'a', equals: 'no' }, { fact: 'platform', in: ['linux'] }] } },
      { id: 'not', kind: 'instruction', title: T, when: { not: { fact: 'platform', notIn: ['win32'] } } },
      { id: 'after-fail', kind: 'instruction', title: T, when: { outcome: 'c', in: ['failed', 'overridden'] } },
    ]);
    run = answerStep(run, run.checklist.steps[0]!, 'yes', {}, PROBES, NOW);
    run = recordCheck(run, run.checklist.steps[1] as CheckStep, [check('ok'), check('fail', 'p.b')], NOW);
    const shown = (r: Run) => viewRun(r, PROBES).steps.filter((s) => s.visible).map((s) => s.id);
    // `match: all` (default): one failing match fails the step.
    expect(shown(run)).toEqual(['a', 'c', 'all', 'not', 'after-fail']);
    run = recordCheck(run, run.checklist.steps[1] as CheckStep, [check('ok'), check('ok', 'p.b')], NOW);
    expect(shown(run)).toEqual(['a', 'c', 'all', 'not']);
  });

  it('`match: any` passes when one matching check has an expected status; none matching never passes', () => {
    const run = makeRun([{ id: 'c', kind: 'check', title: T, probe: 'p', pass: { checkId: 'p.*', status: ['ok'], match: 'any' }, fix: T }]);
    const step = run.checklist.steps[0] as CheckStep;
    expect(recordCheck(run, step, [check('fail'), check('ok', 'p.b')], NOW).steps['c']?.check?.passed).toBe(true);
    const none = recordCheck(run, step, [check('ok', 'other.x')], NOW).steps['c']?.check;
    expect(none?.passed).toBe(false);
    expect(none?.problem?.en).toMatch(/gave no "p\.\*" result/);
    expect(recordCheck(run, step, [check('unknown')], NOW).steps['c']?.check?.passed).toBe(false);
  });

  it('numbers fail below/above their range and must be numbers within min/max', () => {
    let run = makeRun([{ id: 'n', kind: 'question', title: T, input: { type: 'number', min: 0, max: 100 }, failing: { below: 10, above: 90 }, onFail: { require: ['note'] } }]);
    const step = run.checklist.steps[0]!;
    expect(() => answerStep(run, step, 101, {}, PROBES, NOW)).toThrow(/0–100/);
    expect(() => answerStep(run, step, 'abc', {}, PROBES, NOW)).toThrow(/number/);
    run = answerStep(run, step, '5', {}, PROBES, NOW);
    expect(viewRun(run, PROBES).steps[0]).toMatchObject({ outcome: 'failed', missing: ['note'] });
    run = answerStep(run, step, 50, {}, PROBES, NOW);
    expect(viewRun(run, PROBES).steps[0]).toMatchObject({ outcome: 'answered', complete: true });
  });

  it('settles to completed when every visible step is done, and back when an answer reopens a step', () => {
    let run = makeRun([q('a'), q('b', { when: { answer: 'a', equals: 'no' } })]);
    run = settle(answerStep(run, run.checklist.steps[0]!, true, {}, PROBES, NOW), PROBES, NOW);
    expect(run).toMatchObject({ status: 'completed', finishedAt: NOW });
    run = settle(answerStep(run, run.checklist.steps[0]!, false, {}, PROBES, NOW), PROBES, NOW);
    expect(run.status).toBe('in-progress');
    expect(run.finishedAt).toBeUndefined();
    expect(viewRun(run, PROBES).currentStepId).toBe('b');
  });

  it('compares versions number by number', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('2', '2.0.0')).toBe(0);
    expect(compareVersions('1.0.1', '1.1')).toBeLessThan(0);
  });
});
