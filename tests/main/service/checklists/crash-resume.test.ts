/**
 * A run killed with SIGKILL in the middle of writing resumes with nothing lost: every answer the
 * service acknowledged is on disk, the file parses, and the run continues at the next step.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

import { afterAll, describe, expect, it } from 'vitest';

import { makeService } from './setup.js';

const STEPS = 150;
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function longChecklist(): string {
  const head = `schema: 1
id: long
version: 1.0.0
task: other
title: { vi: Dài, en: Long }
summary: { vi: Thử, en: Test }
checkedOn: 2026-11-23
sources: [{ label: DOMAIN, url: https://example.invalid/ }]
steps:
`;
  const steps = Array.from({ length: STEPS }, (_, i) => `  - { id: q${i + 1}, kind: question, title: { vi: "Câu ${i + 1}", en: "Q ${i + 1}" }, input: { type: yes-no } }\n`);
  return head + steps.join('');
}

/** Runs the child until it acknowledged `killAfter` saves, then SIGKILLs it. */
function runAndKill(dataDir: string, builtinDir: string, killAfter: number): Promise<{ runId: string; acknowledged: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('tests/main/service/checklists/crash-child.ts'), dataDir, builtinDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let runId = '';
    let acknowledged = 0;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('run ')) runId = line.slice(4);
      if (line.startsWith('saved ')) acknowledged = Number(line.slice(6));
      if (acknowledged >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise({ runId, acknowledged });
      else reject(new Error(`child exited ${code} before being killed`));
    });
  });
}

describe('crash and resume', () => {
  it('resumes a SIGKILLed run exactly where it stopped, with nothing acknowledged lost', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'x5-crash-data-'));
    const builtinDir = await mkdtemp(join(tmpdir(), 'x5-crash-builtin-'));
    dirs.push(dataDir, builtinDir);
    await writeFile(join(builtinDir, 'long.yaml'), longChecklist());
    const { runId, acknowledged } = await runAndKill(dataDir, builtinDir, 40);
    expect(acknowledged).toBeGreaterThanOrEqual(40);

    const svc = await makeService({ dataDir, builtinDir });
    const view = await svc.call('checklists:get-run', { runId });
    const answered = Object.keys(view.run.steps).length;
    // Everything acknowledged is there (the child may have saved a few more before the signal
    // landed), the run was cut mid-way, and the answers form an unbroken prefix.
    expect(answered).toBeGreaterThanOrEqual(acknowledged);
    expect(answered).toBeLessThan(STEPS);
    for (let n = 1; n <= answered; n++) {
      expect(view.run.steps[`q${n}`]).toMatchObject({ answer: n % 2 === 0 ? 'yes' : 'no', note: `ghi chú ${n}` });
    }
    expect(view.currentStepId).toBe(`q${answered + 1}`);
    expect(view.run.revision).toBe(answered + 1);
    // No temp file is mistaken for a run.
    const runs = await svc.call<{ runId: string }[]>('checklists:list-runs', {});
    expect(runs.map((r) => r.runId)).toEqual([runId]);
    expect((await readdir(join(dataDir, 'checklist-runs'))).filter((f) => f.endsWith('.json'))).toEqual([`${runId}.json`]);

    // Resume and finish.
    let last = view;
    for (let n = answered + 1; n <= STEPS; n++) last = await svc.call('checklists:answer', { runId, stepId: `q${n}`, value: 'yes' });
    expect(last.run.status).toBe('completed');
    expect(last.progress).toEqual({ done: STEPS, total: STEPS });
  });

  it('falls back to the previous save when the run file itself is torn', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'x5-torn-'));
    dirs.push(dataDir);
    const svc = await makeService({ dataDir });
    const { run } = await svc.call('checklists:start-run', { checklistId: 'vietnamese-typing' });
    await svc.call('checklists:answer', { runId: run.runId, stepId: 'ime-settings' });
    await svc.call('checklists:answer', { runId: run.runId, stepId: 'pin-note' });
    const file = join(dataDir, 'checklist-runs', `${run.runId}.json`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length / 2));
    const view = await svc.call('checklists:get-run', { runId: run.runId });
    expect(view.run.steps['ime-settings']?.done).toBe(true);
    expect(view.run.steps['pin-note']).toBeUndefined();
    // The next action saves a whole file again.
    const next = await svc.call('checklists:answer', { runId: run.runId, stepId: 'pin-note' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ revision: next.run.revision });
  });
});
