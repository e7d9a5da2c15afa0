import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { RunView } from '../../../../main/service/checklists/run-model.js';
import type { ChecklistRunSummary } from '../../../../main/service/checklists/summary.js';
import { makeService, TINY_PNG, type TestService } from './setup.js';

const BRANCHY = `schema: 1
id: branchy
version: 1.0.0
task: other
title: { vi: Rẽ nhánh, en: Branching }
summary: { vi: Thử, en: Test }
checkedOn: 2026-11-23
sources: [{ label: DOMAIN, url: https://example.invalid/ }]
signOff: required
steps:
  - id: ca
    kind: question
    title: { vi: CA?, en: CA? }
    input: { type: choice, options: [{ value: vgca, label: { vi: VGCA, en: VGCA } }, { value: vnpt, label: { vi: VNPT, en: VNPT } }] }
    fact: ca
  - id: only-vgca
    kind: instruction
    when: { fact: ca, equals: vgca }
    title: { vi: VGCA, en: VGCA }
  - id: only-linux
    kind: instruction
    when: { fact: platform, equals: linux }
    title: { vi: Linux, en: Linux }
  - id: only-32
    kind: instruction
    when: { fact: bits, equals: "32" }
    title: { vi: "32 bit", en: "32 bit" }
  - id: works
    kind: question
    title: { vi: Chạy?, en: Works? }
    input: { type: yes-no }
    failing: { values: ["no"] }
    onFail: { require: [note, photo, action], action: { vi: Việc tiếp, en: Next } }
  - id: temp
    kind: question
    when: { answer: works, equals: "no" }
    title: { vi: Nhiệt độ, en: Temperature }
    input: { type: number, min: 0, max: 120 }
    failing: { above: 80 }
  - id: probe-step
    kind: check
    title: { vi: Đo, en: Measure }
    probe: not.in.registry
    pass: { checkId: x, status: [ok] }
    fix: { vi: Sửa, en: Fix }
    onFail: { require: [note] }
`;

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.cleanup();
  svc = undefined;
});

async function branchy(): Promise<TestService> {
  const dir = await mkdtemp(join(tmpdir(), 'x5-builtin-'));
  await writeFile(join(dir, 'branchy.yaml'), BRANCHY);
  return makeService({ builtinDir: dir });
}

const visible = (view: RunView): string[] => view.steps.filter((s) => s.visible).map((s) => s.id);

describe('checklist runs', () => {
  it('can be abandoned, and then takes no more changes', async () => {
    svc = await branchy();
    const { run } = await svc.call('checklists:start-run', { checklistId: 'branchy' });
    const view = await svc.call('checklists:abandon', { runId: run.runId });
    expect(view.run.status).toBe('abandoned');
    const after = await svc.service.invoke('checklists:answer', { runId: run.runId, stepId: 'ca', value: 'vgca' });
    expect(after.ok ? undefined : after.error.code).toBe('conflict');
  });

  it('shows and skips steps on answers and measured facts', async () => {
    svc = await branchy();
    let view = await svc.call('checklists:start-run', { checklistId: 'branchy' });
    // The run remembers this PC by its hardware fingerprint (read from /sys here).
    expect(view.run.machineFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(view.run.facts['platform']).toBe(process.platform === 'win32' ? 'win32' : process.platform);
    expect(view.currentStepId).toBe('ca');
    const runId = view.run.runId;
    view = await svc.call('checklists:answer', { runId, stepId: 'ca', value: 'vnpt' });
    expect(visible(view)).not.toContain('only-vgca');
    expect(view.steps.find((s) => s.id === 'only-vgca')?.outcome).toBe('skipped');
    expect(visible(view).includes('only-linux')).toBe(process.platform === 'linux');
    expect(visible(view)).not.toContain('only-32');
    view = await svc.call('checklists:answer', { runId, stepId: 'ca', value: 'vgca' });
    expect(visible(view)).toContain('only-vgca');
    expect(view.currentStepId).toBe('only-vgca');
  });

  it('a failing answer requires its note, photo and follow-up before the step counts as done', async () => {
    svc = await branchy();
    const { run } = await svc.call('checklists:start-run', { checklistId: 'branchy' });
    const runId = run.runId;
    let view = await svc.call('checklists:answer', { runId, stepId: 'works', value: 'no' });
    const works = (v: RunView) => v.steps.find((s) => s.id === 'works');
    expect(works(view)).toMatchObject({ outcome: 'failed', complete: false, missing: ['note', 'photo', 'action'] });
    expect(visible(view)).toContain('temp');
    view = await svc.call('checklists:add-evidence', { runId, stepId: 'works', note: 'Màn hình xanh', photo: { name: 'loi.png', dataUrl: TINY_PNG } });
    expect(works(view)?.missing).toEqual(['action']);
    view = await svc.call('checklists:add-evidence', { runId, stepId: 'works', followUp: 'Gọi CA thứ Hai' });
    expect(works(view)).toMatchObject({ complete: true, outcome: 'failed' });
    // Answers are validated against the question.
    const bad = await svc.service.invoke('checklists:answer', { runId, stepId: 'temp', value: 'nóng' });
    expect(bad.ok).toBe(false);
    view = await svc.call('checklists:answer', { runId, stepId: 'temp', value: 95 });
    expect(view.steps.find((s) => s.id === 'temp')).toMatchObject({ outcome: 'failed', complete: true });
    const badPhoto = await svc.service.invoke('checklists:add-evidence', { runId, stepId: 'works', photo: { name: 'x', dataUrl: 'data:text/html,<b>' } });
    expect(badPhoto.ok).toBe(false);
  });

  it('a check whose probe is missing falls back to a yes/no confirmation, never a pass', async () => {
    svc = await branchy();
    const { run } = await svc.call('checklists:start-run', { checklistId: 'branchy' });
    const runId = run.runId;
    const check = await svc.service.invoke('checklists:run-check', { runId, stepId: 'probe-step' });
    expect(check.ok ? undefined : check.error.code).toBe('unavailable');
    let view = await svc.call('checklists:get-run', { runId });
    expect(view.steps.find((s) => s.id === 'probe-step')).toMatchObject({ manual: true, outcome: 'pending' });
    view = await svc.call('checklists:answer', { runId, stepId: 'probe-step', value: 'no' });
    expect(view.steps.find((s) => s.id === 'probe-step')).toMatchObject({ outcome: 'failed', missing: ['note'] });
  });

  it('completes only after the required sign-off, and summarises for a visit', async () => {
    svc = await branchy();
    const { run } = await svc.call('checklists:start-run', { checklistId: 'branchy', machineFingerprint: 'abc123' });
    const runId = run.runId;
    let view = await svc.call('checklists:answer', { runId, stepId: 'ca', value: 'vgca' });
    const early = await svc.service.invoke('checklists:sign-off', { runId, name: 'Nguyễn Văn A', position: 'Chủ tịch', signaturePng: TINY_PNG, method: 'drawn' });
    expect(early.ok).toBe(false);
    for (const stepId of ['only-vgca', 'only-linux', 'only-32']) {
      if (visible(view).includes(stepId)) view = await svc.call('checklists:answer', { runId, stepId });
    }
    view = await svc.call('checklists:answer', { runId, stepId: 'works', value: 'yes' });
    view = await svc.call('checklists:answer', { runId, stepId: 'probe-step', value: 'yes' });
    expect(view.readyForSignOff).toBe(true);
    expect(view.run.status).toBe('in-progress');
    view = await svc.call('checklists:sign-off', { runId, name: 'Nguyễn Văn A', position: 'Chủ tịch UBND xã', signaturePng: TINY_PNG, method: 'typed' });
    expect(view.run.status).toBe('completed');
    const summary = await svc.call<ChecklistRunSummary>('checklists:summary', { runId });
    expect(summary).toMatchObject({ checklistId: 'branchy', status: 'completed', machineFingerprint: 'abc123', signOff: { name: 'Nguyễn Văn A' } });
    expect(summary.steps.find((s) => s.stepId === 'temp')?.outcome).toBe('skipped');
    // A signed run is locked: no answer, evidence or second signature can change what was signed.
    const late = await svc.service.invoke('checklists:answer', { runId, stepId: 'works', value: 'no' });
    expect(late.ok ? undefined : late.error.code).toBe('conflict');
    const runs = await svc.call<{ runId: string; status: string }[]>('checklists:list-runs', { status: 'completed' });
    expect(runs.map((r) => r.runId)).toEqual([runId]);
  });
});
